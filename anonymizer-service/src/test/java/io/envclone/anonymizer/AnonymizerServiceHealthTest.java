package io.envclone.anonymizer;

import io.envclone.testing.quarkus.RealInfrastructureTestResource;
import io.envclone.testing.quarkus.ServiceHealthContract;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(RealInfrastructureTestResource.class)
class AnonymizerServiceHealthTest extends ServiceHealthContract {

    /** The anonymizer is a pure stream transformer: Kafka is its only dependency. */
    @Override
    protected boolean usesControlDatabase() {
        return false;
    }
}
