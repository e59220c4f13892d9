// Kaoto's design canvas on its own, wrapped in the providers Kaoto's app wraps it in, with the catalog library given as
// the "Catalog URL" setting gives it (?catalogUrl=...) and the route read from local storage as Kaoto's web app reads it.
import '@patternfly/react-core/dist/styles/base.css';
import { createRoot } from 'react-dom/client';
import { useMemo } from 'react';
import { HashRouter } from 'react-router-dom';
import { SuggestionRegistryProvider } from '@kaoto/forms';
import { VisualizationProvider } from '@patternfly/react-topology';
import { SettingsProvider } from 'kaoto/providers/settings.provider';
import { SourceCodeLocalStorageProvider } from 'kaoto/providers/source-code-local-storage.provider';
import { RuntimeProvider } from 'kaoto/providers/runtime.provider';
import { SchemasLoaderProvider } from 'kaoto/providers/schemas.provider';
import { CatalogLoaderProvider } from 'kaoto/providers/catalog.provider';
import { EntitiesProvider } from 'kaoto/providers/entities.provider';
import { CatalogTilesProvider } from 'kaoto/providers/catalog-tiles.provider';
import { VisibleFlowsProvider } from 'kaoto/providers/visible-flows.provider';
import { KeyboardShortcutsProvider } from 'kaoto/providers/keyboard-shortcuts.provider';
import { RenderingProvider } from 'kaoto/components/RenderingAnchor/rendering.provider';
import { RegisterComponents } from 'kaoto/components/registers/RegisterComponents';
import { NodeInteractionAddonProvider } from 'kaoto/components/registers/interactions/node-interaction-addon.provider';
import { RegisterNodeInteractionAddons } from 'kaoto/components/registers/RegisterNodeInteractionAddons';
import { ControllerService } from 'kaoto/components/Visualization/Canvas/controller.service';
import { DesignPage } from 'kaoto/pages/Design/DesignPage';
import { DefaultSettingsAdapter } from 'kaoto/models/settings';

const catalogUrl = new URLSearchParams(window.location.search).get('catalogUrl');

function Design() {
  const controller = useMemo(() => ControllerService.createController(), []);
  return (
    <HashRouter>
      <SettingsProvider adapter={new DefaultSettingsAdapter({ catalogUrl })}>
        <SourceCodeLocalStorageProvider>
          <RuntimeProvider catalogUrl={catalogUrl}>
            <SchemasLoaderProvider>
              <CatalogLoaderProvider>
                <EntitiesProvider>
                  <CatalogTilesProvider>
                    <VisualizationProvider controller={controller}>
                      <VisibleFlowsProvider>
                        <RenderingProvider>
                          <RegisterComponents>
                            <NodeInteractionAddonProvider>
                              <RegisterNodeInteractionAddons>
                                <SuggestionRegistryProvider>
                                  <KeyboardShortcutsProvider>
                                    <div style={{ height: '100vh' }}><DesignPage /></div>
                                  </KeyboardShortcutsProvider>
                                </SuggestionRegistryProvider>
                              </RegisterNodeInteractionAddons>
                            </NodeInteractionAddonProvider>
                          </RegisterComponents>
                        </RenderingProvider>
                      </VisibleFlowsProvider>
                    </VisualizationProvider>
                  </CatalogTilesProvider>
                </EntitiesProvider>
              </CatalogLoaderProvider>
            </SchemasLoaderProvider>
          </RuntimeProvider>
        </SourceCodeLocalStorageProvider>
      </SettingsProvider>
    </HashRouter>
  );
}

createRoot(document.getElementById('root')).render(<Design />);
