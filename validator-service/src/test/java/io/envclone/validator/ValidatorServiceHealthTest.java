package io.envclone.validator;

import io.envclone.testing.quarkus.RealInfrastructureTestResource;
import io.envclone.testing.quarkus.ServiceHealthContract;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(value = RealInfrastructureTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "validator_control"))
class ValidatorServiceHealthTest extends ServiceHealthContract {

    @Override
    protected boolean usesControlDatabase() {
        return true;
    }
}
