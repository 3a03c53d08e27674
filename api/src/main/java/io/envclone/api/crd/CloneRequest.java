package io.envclone.api.crd;

import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Version;

/** One clone of a {@link TestEnvironment}, as the operator drives it through the three services. */
@Group(TestEnvironment.GROUP)
@Version(TestEnvironment.VERSION)
@ShortNames("cr")
public class CloneRequest extends CustomResource<CloneRequestSpec, CloneRequestStatus> implements Namespaced {

    // spec and status are records: nothing to make before Jackson reads them
    @Override
    protected CloneRequestSpec initSpec() {
        return null;
    }

    @Override
    protected CloneRequestStatus initStatus() {
        return null;
    }
}
