package com.eshop.deploy;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** deploy/k8s (base and the production overlay) against the rules of {@link KubernetesManifestChecks}. */
class KubernetesManifestsTest {

    static final Path PROJECT_DIR = ComposeFileTest.projectDir();
    static final Path K8S = PROJECT_DIR.resolve("deploy/k8s");
    private static final KubernetesManifestChecks.Manifests MANIFESTS =
            KubernetesManifestChecks.Manifests.load(K8S.resolve("base"), K8S.resolve("overlays/production"));

    @Test
    void theSevenServicesAreTheModulesTheChecksCompareWith() {
        assertEquals(List.of("fulfill-service", "inventory-service", "market-service", "order-service", "pay-service",
                "tms-service", "wms-service"), KubernetesManifestChecks.serviceModules(PROJECT_DIR));
    }

    @Test
    void theKustomizationListsEveryManifest() {
        assertNoProblems(KubernetesManifestChecks.kustomizationListsEveryManifest(MANIFESTS));
    }

    @Test
    void everyServiceIsDeployed() {
        assertNoProblems(KubernetesManifestChecks.everyServiceIsDeployed(MANIFESTS,
                KubernetesManifestChecks.serviceModules(PROJECT_DIR)));
    }

    @Test
    void portsMatchTheServicesConfiguration() {
        assertNoProblems(KubernetesManifestChecks.portsMatchTheServicesConfiguration(MANIFESTS, PROJECT_DIR));
    }

    @Test
    void probesAskTheHealthGroups() {
        assertNoProblems(KubernetesManifestChecks.probesAskTheHealthGroups(MANIFESTS, PROJECT_DIR));
    }

    @Test
    void theGracePeriodCoversTheShutdown() {
        assertNoProblems(KubernetesManifestChecks.gracePeriodCoversTheShutdown(MANIFESTS, PROJECT_DIR));
    }

    @Test
    void theEnvironmentCoversWhatEachServiceRequires() {
        assertNoProblems(KubernetesManifestChecks.environmentCoversWhatTheServiceRequires(MANIFESTS, PROJECT_DIR));
    }

    @Test
    void everySecretReferenceExistsAndEverySecretKeyIsUsed() {
        assertNoProblems(KubernetesManifestChecks.secretReferencesExist(MANIFESTS));
    }

    @Test
    void podsRunAsNonRootWithinLimits() {
        assertNoProblems(KubernetesManifestChecks.podsRunAsNonRootWithinLimits(MANIFESTS));
    }

    @Test
    void servicesBudgetsAndAutoscalersTargetTheirDeployment() {
        assertNoProblems(KubernetesManifestChecks.companionsTargetTheirDeployment(MANIFESTS));
    }

    private static void assertNoProblems(List<String> problems) {
        assertTrue(problems.isEmpty(), () -> "deploy/k8s:\n  " + String.join("\n  ", problems));
    }
}
