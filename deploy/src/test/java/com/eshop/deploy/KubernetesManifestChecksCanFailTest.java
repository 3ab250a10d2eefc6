package com.eshop.deploy;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each check of {@link KubernetesManifestChecks} reports a broken copy of the real manifests (deploy/k8s): none of
 * them passes whatever it is given.
 */
class KubernetesManifestChecksCanFailTest {
    private static final Path PROJECT_DIR = KubernetesManifestsTest.PROJECT_DIR;

    @TempDir
    Path copy;

    @BeforeEach
    void copyTheRealManifests() throws IOException {
        try (Stream<Path> files = Files.walk(KubernetesManifestsTest.K8S)) {
            for (Path file : files.toList()) {
                Path target = copy.resolve(KubernetesManifestsTest.K8S.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
    }

    @Test
    void theUnbrokenCopyPasses() {
        KubernetesManifestChecks.Manifests manifests = load();
        assertEquals(List.of(), KubernetesManifestChecks.everyServiceIsDeployed(manifests,
                KubernetesManifestChecks.serviceModules(PROJECT_DIR)));
        assertEquals(List.of(), KubernetesManifestChecks.environmentCoversWhatTheServiceRequires(manifests, PROJECT_DIR));
        assertEquals(List.of(), KubernetesManifestChecks.secretReferencesExist(manifests));
    }

    @Test
    void aServiceLeftOutIsReported() {
        edit("base/kustomization.yaml", "  - tms-service.yaml\n", "");

        KubernetesManifestChecks.Manifests manifests = load();

        assertReported(KubernetesManifestChecks.everyServiceIsDeployed(manifests,
                KubernetesManifestChecks.serviceModules(PROJECT_DIR)), "tms-service has no Deployment");
        assertReported(KubernetesManifestChecks.kustomizationListsEveryManifest(manifests),
                "tms-service.yaml is not in kustomization.yaml's resources");
    }

    @Test
    void aPortOtherThanTheServiceListensOnIsReported() {
        edit("base/order-service.yaml", "containerPort: 21880", "containerPort: 21890");

        assertReported(KubernetesManifestChecks.portsMatchTheServicesConfiguration(load(), PROJECT_DIR),
                "Deployment order-service declares container port dubbo as 21890 but order-service listens on 21880");
    }

    @Test
    void theXxlJobExecutorPortLeftOutOfTheServiceIsReported() {
        edit("base/order-service.yaml", "    - { name: xxl-job, port: 19999, targetPort: xxl-job }\n", "");

        assertReported(KubernetesManifestChecks.portsMatchTheServicesConfiguration(load(), PROJECT_DIR),
                "Service order-service does not expose port xxl-job");
    }

    @Test
    void aProbeOnTheAggregateHealthIsReported() {
        edit("base/pay-service.yaml", "path: " + KubernetesManifestChecks.READINESS_PATH, "path: /actuator/health");

        assertReported(KubernetesManifestChecks.probesAskTheHealthGroups(load(), PROJECT_DIR),
                "Deployment pay-service's readinessProbe asks /actuator/health: ask /actuator/health/readiness");
    }

    @Test
    void aGracePeriodShorterThanTheShutdownIsReported() {
        edit("base/wms-service.yaml", "terminationGracePeriodSeconds: 60", "terminationGracePeriodSeconds: 12");

        assertReported(KubernetesManifestChecks.gracePeriodCoversTheShutdown(load(), PROJECT_DIR),
                "Deployment wms-service's terminationGracePeriodSeconds 12 is shorter than its shutdown");
    }

    @Test
    void aRequiredVariableLeftOutAndAnUnusedSecretKeyAreReported() {
        edit("base/order-service.yaml", """
                            - name: XXL_JOB_ACCESS_TOKEN
                              valueFrom: { secretKeyRef: { name: eshop-secrets, key: XXL_JOB_ACCESS_TOKEN } }
                """, "");

        KubernetesManifestChecks.Manifests manifests = load();

        assertReported(KubernetesManifestChecks.environmentCoversWhatTheServiceRequires(manifests, PROJECT_DIR),
                "Deployment order-service does not set XXL_JOB_ACCESS_TOKEN");
        assertReported(KubernetesManifestChecks.secretReferencesExist(manifests),
                "Secret eshop-secrets has key XXL_JOB_ACCESS_TOKEN, which no Deployment reads");
    }

    @Test
    void anInfrastructureAddressLeftAtTheComposeNameIsReported() {
        edit("base/infrastructure.env", "ESHOP_SEATASERVER=seata-server:8091\n", "");

        assertReported(KubernetesManifestChecks.environmentCoversWhatTheServiceRequires(load(), PROJECT_DIR),
                "Deployment fulfill-service leaves eshop.seata-server at the profile's seata-server:8091");
    }

    @Test
    void aCredentialGivenAsAValueIsReported() {
        edit("base/fulfill-service.yaml", """
                            - name: ESHOP_INTERNAL_API_SECRET
                              valueFrom: { secretKeyRef: { name: eshop-secrets, key: ESHOP_INTERNAL_API_SECRET } }
                """, """
                            - { name: ESHOP_INTERNAL_API_SECRET, value: not-so-secret-not-so-secret-not-so }
                """);

        assertReported(KubernetesManifestChecks.environmentCoversWhatTheServiceRequires(load(), PROJECT_DIR),
                "Deployment fulfill-service sets the credential ESHOP_INTERNAL_API_SECRET without a Secret");
    }

    @Test
    void aSecretKeyTheSecretDoesNotHaveIsReported() {
        edit("base/market-service.yaml", "key: REDIS_PASSWORD", "key: REDIS_PASSWD");

        assertReported(KubernetesManifestChecks.secretReferencesExist(load()),
                "Deployment market-service reads key REDIS_PASSWD of Secret eshop-secrets, which it does not have");
    }

    @Test
    void aRootPodWithoutMemoryLimitIsReported() {
        edit("base/inventory-service.yaml", "runAsNonRoot: true", "runAsNonRoot: false");
        edit("base/inventory-service.yaml", "limits: { cpu: \"2\", memory: 1Gi }", "limits: { cpu: \"2\" }");

        List<String> problems = KubernetesManifestChecks.podsRunAsNonRootWithinLimits(load());

        assertReported(problems, "Deployment inventory-service may run as root");
        assertReported(problems, "Deployment inventory-service sets no resources.limits.memory");
    }

    @Test
    void anAutoscalerBelowTwoReplicasIsReported() {
        edit("base/tms-service.yaml", "minReplicas: 2", "minReplicas: 1");

        assertReported(KubernetesManifestChecks.companionsTargetTheirDeployment(load()),
                "HorizontalPodAutoscaler tms-service keeps 1 replica(s)");
    }

    private KubernetesManifestChecks.Manifests load() {
        return KubernetesManifestChecks.Manifests.load(copy.resolve("base"), copy.resolve("overlays/production"));
    }

    private void edit(String file, String from, String to) {
        Path path = copy.resolve(file);
        try {
            String text = Files.readString(path);
            assertTrue(text.contains(from), () -> file + " no longer contains \"" + from + "\": adapt this test");
            Files.writeString(path, text.replace(from, to));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void assertReported(List<String> problems, String expected) {
        assertTrue(problems.stream().anyMatch(p -> p.startsWith(expected)),
                () -> "expected a problem starting with \"" + expected + "\", got:\n  " + String.join("\n  ", problems));
    }
}
