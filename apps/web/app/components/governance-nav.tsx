import { NavLink } from 'react-router';
import governanceStyles from '../governance.css?url';

/** Stylesheet link for governance pages (route `links` exports). */
export const governanceLinks = () => [{ rel: 'stylesheet', href: governanceStyles }];

/** The admin governance pages, one row of links above each. */
export function GovernanceNav() {
  return (
    <nav className="governance-nav" aria-label="Governance">
      <NavLink to="/admin/audit">Audit log</NavLink>
      <NavLink to="/admin/retention">Retention and privacy</NavLink>
      <NavLink to="/admin/erasure">Export and erasure</NavLink>
      <NavLink to="/admin/data-map">Data map</NavLink>
    </nav>
  );
}
