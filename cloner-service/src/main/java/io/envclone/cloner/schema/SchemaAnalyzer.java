package io.envclone.cloner.schema;

import io.envclone.api.schema.SchemaSelection;
import io.envclone.api.schema.SchemaModel;
import io.envclone.service.catalog.CatalogAnalysis;
import io.envclone.cloner.source.ReadOnlySource;
import io.envclone.cloner.source.SourceAccessException;
import org.jboss.logging.Logger;

/** Analyses a source's schema from its catalogs, inside one proven read-only transaction. */
public final class SchemaAnalyzer {

    private static final Logger LOG = Logger.getLogger(SchemaAnalyzer.class);

    public SchemaModel analyze(ReadOnlySource source, SchemaSelection selection) throws SourceAccessException {
        long started = System.nanoTime();
        SchemaModel model = selection.apply(source.read(CatalogAnalysis::read));
        LOG.infof("schema analysed in %d ms: %s", (System.nanoTime() - started) / 1_000_000, model.countsByKind());
        return model;
    }
}
