package io.envclone.operator;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.envclone.testing.quarkus.RealInfrastructureTestResource;
import io.envclone.testing.quarkus.ServiceHealthContract;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithKubernetesTestServer(crud = true)
@WithTestResource(RealInfrastructureTestResource.class)
class OperatorHealthTest extends ServiceHealthContract {

    /** The operator keeps its state in the resources' status. */
    @Override
    protected boolean usesControlDatabase() {
        return false;
    }

    @Test
    void isReadyOnlyWithTheKubernetesApi() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'kubernetes-api' }.status", equalTo("UP"));
    }
}
