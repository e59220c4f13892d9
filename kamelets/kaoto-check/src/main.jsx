// Kaoto's catalog browser on its own: the providers Kaoto's app wraps its pages in to load a catalog library (runtime,
// schemas, catalog, tiles) and its Catalog component, with the library given as the "Catalog URL" setting gives it
// (?catalogUrl=...). The heading names the runtime Kaoto picked; check.mjs reads both.
import '@patternfly/react-core/dist/styles/base.css';
import { createRoot } from 'react-dom/client';
import { useContext } from 'react';
import { SettingsProvider } from 'kaoto/providers/settings.provider';
import { RuntimeProvider, RuntimeContext } from 'kaoto/providers/runtime.provider';
import { SchemasLoaderProvider } from 'kaoto/providers/schemas.provider';
import { CatalogLoaderProvider } from 'kaoto/providers/catalog.provider';
import { CatalogTilesProvider, CatalogTilesContext } from 'kaoto/providers/catalog-tiles.provider';
import { Catalog } from 'kaoto/components/Catalog';
import { DefaultSettingsAdapter } from 'kaoto/models/settings';

const catalogUrl = new URLSearchParams(window.location.search).get('catalogUrl');

function CatalogPage() {
  const tiles = useContext(CatalogTilesContext);
  const runtime = useContext(RuntimeContext);
  return (
    <>
      <h1 data-testid="runtime">{runtime.selectedCatalog?.name}</h1>
      <Catalog tiles={tiles} onTileClick={(tile) => (document.getElementById('picked').textContent = tile.name)} />
      <p id="picked" data-testid="picked" />
    </>
  );
}

createRoot(document.getElementById('root')).render(
  <SettingsProvider adapter={new DefaultSettingsAdapter({ catalogUrl })}>
    <RuntimeProvider catalogUrl={catalogUrl}>
      <SchemasLoaderProvider>
        <CatalogLoaderProvider>
          <CatalogTilesProvider>
            <CatalogPage />
          </CatalogTilesProvider>
        </CatalogLoaderProvider>
      </SchemasLoaderProvider>
    </RuntimeProvider>
  </SettingsProvider>,
);
