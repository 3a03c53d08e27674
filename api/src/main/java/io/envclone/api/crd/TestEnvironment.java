package io.envclone.api.crd;

import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Version;

/** A safe copy of a production database, as the operator reconciles it and {@code envclone} reads it. */
@Group(TestEnvironment.GROUP)
@Version(TestEnvironment.VERSION)
@ShortNames("tenv")
public class TestEnvironment extends CustomResource<TestEnvironmentSpec, TestEnvironmentStatus> implements Namespaced {

    public static final String GROUP = "envclone.io";
    public static final String VERSION = "v1alpha1";

    // spec and status are records: nothing to make before Jackson reads them
    @Override
    protected TestEnvironmentSpec initSpec() {
        return null;
    }

    @Override
    protected TestEnvironmentStatus initStatus() {
        return null;
    }
}
