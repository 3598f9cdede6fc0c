// Imported first by the start and bench entry points, so React loads its production build:
// React picks development or production the first time it is imported, from NODE_ENV, and its
// development build renders pages several times slower. An explicit NODE_ENV still wins.
process.env.NODE_ENV ??= 'production';
