export * from './digest';
export * from './kpi-chart';
export * from './schedule';
export * from './subscription';
export * from './subscription-repository.port';
export * from './use-cases/subscribe';
