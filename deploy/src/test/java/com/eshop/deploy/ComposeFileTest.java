package com.eshop.deploy;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** docker-compose.yml (and sql/, which its db-init step applies) against the rules of {@link ComposeChecks}. */
class ComposeFileTest {

    private static final Path PROJECT_DIR = projectDir();
    private static final ComposeChecks.Compose COMPOSE =
            ComposeChecks.Compose.parse(ComposeChecks.readString(PROJECT_DIR.resolve("docker-compose.yml")));

    @Test
    void everyServiceHasAHealthcheckOrIsAOneShotSomeServiceWaitsFor() {
        assertNoProblems(ComposeChecks.everyServiceHasAHealthcheckOrIsAWaitedForOneShot(COMPOSE));
    }

    @Test
    void everyDependencyWaitsForHealthOrCompletion() {
        assertNoProblems(ComposeChecks.everyDependencyWaitsForHealthOrCompletion(COMPOSE));
    }

    @Test
    void volumesOfNonRootImagesArePreparedByAnInitService() {
        assertNoProblems(ComposeChecks.volumesOfNonRootImagesArePrepared(COMPOSE));
    }

    @Test
    void everySqlFileIsIdempotent() throws IOException {
        Map<String, String> sqlFiles;
        try (Stream<Path> files = Files.list(PROJECT_DIR.resolve("sql"))) {
            sqlFiles = files.filter(f -> f.getFileName().toString().endsWith(".sql"))
                    .collect(Collectors.toMap(f -> "sql/" + f.getFileName(), ComposeChecks::readString));
        }
        assertTrue(sqlFiles.containsKey("sql/xxl_job.sql"), "sql/xxl_job.sql (the XXL-JOB admin schema) is missing");
        assertNoProblems(ComposeChecks.sqlFilesAreIdempotent(sqlFiles));
    }

    @Test
    void everyImageTagIsPinned() {
        assertNoProblems(ComposeChecks.everyImageTagIsPinned(COMPOSE, PROJECT_DIR));
    }

    @Test
    void containerPortsMatchTheServicesConfiguration() {
        assertNoProblems(ComposeChecks.containerPortsMatchTheServicesConfiguration(COMPOSE, PROJECT_DIR));
    }

    @Test
    void onlyOperatorFacingPortsArePublished() {
        assertNoProblems(ComposeChecks.onlyOperatorFacingPortsArePublished(COMPOSE));
    }

    @Test
    void onlyMySqlAndItsInitStepUseTheRootUser() {
        assertNoProblems(ComposeChecks.onlyMySqlAndItsInitUseRoot(COMPOSE));
    }

    @Test
    void everyDatabaseClientLogsInAsAUserOfItsOwnAllowedItsOwnDatabase() {
        Map<String, String> users = ComposeChecks.databaseUsers(
                ComposeChecks.readString(PROJECT_DIR.resolve("deploy/mysql/create-users.sh")));
        assertNoProblems(ComposeChecks.everyDatabaseClientHasAUserOfItsOwn(COMPOSE, PROJECT_DIR, users));
    }

    @Test
    void noCredentialHasADefault() {
        assertNoProblems(ComposeChecks.noCredentialHasADefault(COMPOSE));
    }

    @Test
    void nacosRunsWithAuth() {
        assertNoProblems(ComposeChecks.nacosRunsWithAuth(COMPOSE));
    }

    @Test
    void everyContainerHasAMemoryLimit() {
        assertNoProblems(ComposeChecks.everyContainerHasAMemoryLimit(COMPOSE));
    }

    @Test
    void theServiceImageRunsAsNonRoot() {
        assertNoProblems(ComposeChecks.imagesRunAsNonRoot("deploy/Dockerfile",
                ComposeChecks.readString(PROJECT_DIR.resolve("deploy/Dockerfile"))));
    }

    @Test
    void theExampleEnvironmentListsExactlyTheVariablesComposeRequires() {
        assertNoProblems(ComposeChecks.exampleEnvironmentListsExactlyTheRequiredVariables(
                ComposeChecks.readString(PROJECT_DIR.resolve("docker-compose.yml")),
                ComposeChecks.readString(PROJECT_DIR.resolve(".env.example"))));
    }

    private static void assertNoProblems(List<String> problems) {
        assertTrue(problems.isEmpty(), () -> "docker-compose.yml:\n  " + String.join("\n  ", problems));
    }

    /** The repository root: the first directory at or above the working directory with docker-compose.yml. */
    static Path projectDir() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("docker-compose.yml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no docker-compose.yml at or above " + Path.of("").toAbsolutePath());
    }
}
