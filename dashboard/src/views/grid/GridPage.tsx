import { PlaceholderPage } from '../common/PlaceholderPage';

export function GridPage() {
  return <PlaceholderPage view="grid" />;
}
