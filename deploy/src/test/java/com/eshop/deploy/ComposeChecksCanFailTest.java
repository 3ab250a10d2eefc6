package com.eshop.deploy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each check of {@link ComposeChecks} reports a compose snippet that breaks its rule: none of them is vacuous. */
class ComposeChecksCanFailTest {

    @Test
    void aServiceWithoutHealthcheckThatNobodyAwaitsIsReported() {
        ComposeChecks.Compose compose = ComposeChecks.Compose.parse("""
                services:
                  redis:
                    image: redis:7.2
                """);

        assertReported(ComposeChecks.everyServiceHasAHealthcheckOrIsAWaitedForOneShot(compose), "service redis");
    }

    @Test
    void startedInsteadOfHealthyOrCompletedIsReported() {
        ComposeChecks.Compose compose = ComposeChecks.Compose.parse("""
                services:
                  mysql:
                    image: mysql:8.0
                    healthcheck: { test: ["CMD", "mysqladmin", "ping"] }
                  db-init:
                    image: mysql:8.0
                  app:
                    image: app:1.0
                    healthcheck: { test: ["CMD", "true"] }
                    depends_on: [mysql]
                  other:
                    image: app:1.0
                    healthcheck: { test: ["CMD", "true"] }
                    depends_on:
                      db-init: { condition: service_started }
                """);

        List<String> problems = ComposeChecks.everyDependencyWaitsForHealthOrCompletion(compose);

        assertReported(problems, "service app depends on mysql with service_started");
        assertReported(problems, "service other depends on db-init with service_started");
    }

    @Test
    void aRootOwnedVolumeOfTheRocketMqImageIsReported() {
        ComposeChecks.Compose compose = ComposeChecks.Compose.parse("""
                services:
                  volume-init:
                    image: busybox:1.36.1
                    volumes: [store:/store]
                    command: ["chown", "0:0", "/store"]
                  broker:
                    image: apache/rocketmq:5.3.3
                    volumes: [store:/home/rocketmq/store]
                    depends_on:
                      volume-init: { condition: service_completed_successfully }
                volumes:
                  store:
                """);

        assertReported(ComposeChecks.volumesOfNonRootImagesArePrepared(compose), "service broker (image apache/rocketmq:5.3.3, uid 3000) writes volume store");
    }

    @Test
    void aVolumeChownedToTheImagesUidByAnAwaitedInitServicePasses() {
        ComposeChecks.Compose compose = ComposeChecks.Compose.parse("""
                services:
                  volume-init:
                    image: busybox:1.36.1
                    volumes: [store:/store]
                    entrypoint: ["sh", "-c"]
                    command: ["mkdir -p /store && chown 3000:3000 /store"]
                  broker:
                    image: apache/rocketmq:5.3.3
                    volumes: [store:/home/rocketmq/store]
                    depends_on:
                      volume-init: { condition: service_completed_successfully }
                """);

        assertEquals(List.of(), ComposeChecks.volumesOfNonRootImagesArePrepared(compose));
    }

    @Test
    void sqlThatCannotRunTwiceIsReported() {
        List<String> problems = ComposeChecks.sqlFilesAreIdempotent(Map.of("sql/broken.sql", """
                -- the broker's tables; a quote in a comment is no string
                CREATE DATABASE shop;
                CREATE TABLE item (id INT PRIMARY KEY, note VARCHAR(20) DEFAULT 'x; CREATE TABLE IF NOT EXISTS y');
                INSERT INTO item (id) VALUES (1);
                DROP TABLE old_item;
                INSERT IGNORE INTO item (id) VALUES (2);
                INSERT INTO item (id) VALUES (3) ON DUPLICATE KEY UPDATE id = id;
                """));

        assertReported(problems, "sql/broken.sql: \"CREATE DATABASE shop\"");
        assertReported(problems, "sql/broken.sql: \"CREATE TABLE item");
        assertReported(problems, "sql/broken.sql: \"INSERT INTO item (id) VALUES (1)\"");
        assertReported(problems, "sql/broken.sql: \"DROP TABLE old_item\"");
        assertEquals(4, problems.size(), () -> String.join("\n", problems));
    }

    @Test
    void latestMissingTagsAndUnpinnedBaseImagesAreReported(@TempDir Path projectDir) throws IOException {
        Files.writeString(projectDir.resolve("Dockerfile"), "FROM eclipse-temurin AS build\nFROM build\n");
        ComposeChecks.Compose compose = ComposeChecks.Compose.parse("""
                services:
                  dashboard:
                    image: apacherocketmq/rocketmq-dashboard:latest
                  cache:
                    image: registry.example.com:5000/redis
                  app:
                    build: { context: ., dockerfile: Dockerfile }
                """);

        List<String> problems = ComposeChecks.everyImageTagIsPinned(compose, projectDir);

        assertReported(problems, "service dashboard uses image apacherocketmq/rocketmq-dashboard:latest");
        assertReported(problems, "service cache uses image registry.example.com:5000/redis");
        assertReported(problems, "service app builds Dockerfile FROM eclipse-temurin ");
        assertEquals(3, problems.size(), () -> String.join("\n", problems));
    }

    @Test
    void containerPortsThatDifferFromTheModulesConfigurationAreReported(@TempDir Path projectDir) throws IOException {
        Path resources = Files.createDirectories(projectDir.resolve("shop-service/src/main/resources"));
        Files.writeString(resources.resolve("application.yml"), """
                server:
                  port: 18090
                dubbo:
                  protocol:
                    port: 21890
                """);
        Files.writeString(resources.resolve("application-compose.yml"), "server:\n  port: 18091\n");
        ComposeChecks.Compose compose = ComposeChecks.Compose.parse("""
                services:
                  shop-service:
                    build: { context: ., args: { MODULE: shop-service } }
                    environment: { SPRING_PROFILES_ACTIVE: compose, SERVER_PORT: 18090 }
                    expose: ["18090", "21890"]
                """);

        List<String> problems = ComposeChecks.containerPortsMatchTheServicesConfiguration(compose, projectDir);

        assertReported(problems, "service shop-service sets SERVER_PORT 18090 but shop-service configures server.port 18091");
        assertReported(problems, "service shop-service does not declare its container port 18091");
        assertReported(problems, "service shop-service declares container port 18090");
    }

    @Test
    void publishedInfrastructurePortsAreReported() {
        ComposeChecks.Compose compose = ComposeChecks.Compose.parse("""
                services:
                  mysql:
                    image: mysql:8.0
                    ports: ["3306:3306"]
                  order-service:
                    image: app:1.0
                    ports: ["21880:21880", { target: 18080, published: 18080 }]
                """);

        List<String> problems = ComposeChecks.onlyOperatorFacingPortsArePublished(compose);

        assertReported(problems, "service mysql publishes 3306:3306");
        assertReported(problems, "service order-service publishes {target=18080");
        assertEquals(2, problems.size(), () -> String.join("\n", problems));
    }

    @Test
    void literalAndDefaultedCredentialsAreReported() {
        ComposeChecks.Compose compose = ComposeChecks.Compose.parse("""
                services:
                  mysql:
                    image: mysql:8.0
                    environment:
                      MYSQL_ROOT_PASSWORD: ${MYSQL_ROOT_PASSWORD:-eshop}
                    healthcheck:
                      test: ["CMD", "mysqladmin", "ping", "-p${MYSQL_ROOT_PASSWORD:-eshop}"]
                  admin:
                    image: admin:1.0
                    environment: ["ADMIN_TOKEN=123456", "ADMIN_USER=admin"]
                  app:
                    image: app:1.0
                    environment: { DB_PASSWORD: "${DB_PASSWORD:?set DB_PASSWORD}" }
                """);

        List<String> problems = ComposeChecks.noCredentialHasADefault(compose);

        assertReported(problems, "service mysql sets MYSQL_ROOT_PASSWORD to \"${MYSQL_ROOT_PASSWORD:-eshop}\"");
        assertReported(problems, "service mysql gives the credential MYSQL_ROOT_PASSWORD a default");
        assertReported(problems, "service admin sets ADMIN_TOKEN to \"123456\"");
        assertTrue(problems.stream().noneMatch(p -> p.contains("service app")), () -> String.join("\n", problems));
    }

    @Test
    void nacosWithoutAuthAndAServiceWithoutNacosCredentialsAreReported() {
        ComposeChecks.Compose compose = ComposeChecks.Compose.parse("""
                services:
                  nacos:
                    image: nacos/nacos-server:v2.4.3
                    environment:
                      MODE: standalone
                      NACOS_AUTH_TOKEN: SecretKey012345678901234567890123456789012345678901234567890123456789
                  order-service:
                    build: { context: ., args: { MODULE: order-service } }
                    environment: { SPRING_PROFILES_ACTIVE: compose }
                """);

        List<String> problems = ComposeChecks.nacosRunsWithAuth(compose);

        assertReported(problems, "service nacos runs Nacos without auth");
        assertReported(problems, "service nacos does not take NACOS_AUTH_TOKEN from the operator");
        assertReported(problems, "service nacos does not take NACOS_AUTH_IDENTITY_VALUE from the operator");
        assertReported(problems, "service order-service cannot sign in to Nacos");
    }

    @Test
    void rootLoginsOutsideMySqlAndItsInitStepAreReported() {
        ComposeChecks.Compose compose = ComposeChecks.Compose.parse("""
                services:
                  mysql:
                    image: mysql:8.0
                    environment: { MYSQL_ROOT_PASSWORD: "${MYSQL_ROOT_PASSWORD:?set it}" }
                  db-init:
                    image: mysql:8.0
                    environment: { MYSQL_PWD: "${MYSQL_ROOT_PASSWORD:?set it}" }
                    command: ["sh", "-c", "mysql -h mysql -uroot < /sql/a.sql"]
                  seata-server:
                    image: seataio/seata-server:2.0.0
                    environment:
                      SEATA_STORE_DB_USER: root
                      SEATA_STORE_DB_PASSWORD: "${MYSQL_ROOT_PASSWORD:?set it}"
                  backup:
                    image: mysql:8.0
                    command: ["sh", "-c", "mysqldump -h mysql --user=root shop"]
                """);

        List<String> problems = ComposeChecks.onlyMySqlAndItsInitUseRoot(compose);

        assertReported(problems, "service seata-server is given MySQL's root password");
        assertReported(problems, "service seata-server sets SEATA_STORE_DB_USER to root");
        assertReported(problems, "service backup runs a command that logs in as root");
        assertEquals(3, problems.size(), () -> String.join("\n", problems));
    }

    @Test
    void aDatabaseClientWithoutAUserOfItsOwnForItsDatabaseIsReported(@TempDir Path projectDir) throws IOException {
        for (String module : List.of("shop-service", "stock-service", "ship-service")) {
            Path resources = Files.createDirectories(projectDir.resolve(module + "/src/main/resources"));
            Files.writeString(resources.resolve("application.yml"), "eshop:\n  database: " + module.replace("-service", "_db") + "\n");
        }
        Map<String, String> users = ComposeChecks.databaseUsers("""
                #           user           database   password
                create_user shop_service   shop_db    "$SHOP_DB_PASSWORD"
                create_user stock_service  shop_db    "$STOCK_DB_PASSWORD"
                create_user seata_server   seata      "$SEATA_DB_PASSWORD"
                """);
        ComposeChecks.Compose compose = ComposeChecks.Compose.parse("""
                services:
                  shop-service:
                    build: { context: ., args: { MODULE: shop-service } }
                    environment: { ESHOP_MYSQL_USERNAME: shop_service }
                  stock-service:
                    build: { context: ., args: { MODULE: stock-service } }
                    environment: { ESHOP_MYSQL_USERNAME: stock_service }
                  ship-service:
                    build: { context: ., args: { MODULE: ship-service } }
                  seata-server:
                    image: seataio/seata-server:2.0.0
                    environment:
                      SEATA_STORE_DB_URL: jdbc:mysql://mysql:3306/seata?useSSL=false
                      SEATA_STORE_DB_USER: shop_service
                """);

        List<String> problems = ComposeChecks.everyDatabaseClientHasAUserOfItsOwn(compose, projectDir, users);

        assertEquals(Map.of("shop_service", "shop_db", "stock_service", "shop_db", "seata_server", "seata"), users);
        assertReported(problems, "service stock-service logs in as stock_service to stock_db, but deploy/mysql/create-users.sh grants stock_service shop_db");
        assertReported(problems, "service ship-service sets no ESHOP_MYSQL_USERNAME");
        assertReported(problems, "service seata-server logs in as shop_service to seata");
        assertReported(problems, "services seata-server and shop-service share the database user shop_service");
        assertEquals(4, problems.size(), () -> String.join("\n", problems));
    }

    @Test
    void aContainerWithoutMemoryLimitIsReported() {
        ComposeChecks.Compose compose = ComposeChecks.Compose.parse("""
                services:
                  redis:
                    image: redis:7.2
                  mysql:
                    image: mysql:8.0
                    deploy: { resources: { reservations: { memory: 1g } } }
                  app:
                    image: app:1.0
                    deploy: { resources: { limits: { memory: 1g } } }
                  legacy:
                    image: app:1.0
                    mem_limit: 512m
                """);

        List<String> problems = ComposeChecks.everyContainerHasAMemoryLimit(compose);

        assertReported(problems, "service redis has no memory limit");
        assertReported(problems, "service mysql has no memory limit");
        assertEquals(2, problems.size(), () -> String.join("\n", problems));
    }

    @Test
    void anImageWhoseLastStageRunsAsRootIsReported() {
        String switchesBackToRoot = "FROM maven:3.9.9 AS build\nUSER builder\nFROM eclipse-temurin:17-jre\nUSER 10001\nUSER root\n";
        String userOnlyInTheBuildStage = "FROM maven:3.9.9 AS build\nUSER 10001\nFROM eclipse-temurin:17-jre\n";

        assertReported(ComposeChecks.imagesRunAsNonRoot("a/Dockerfile", switchesBackToRoot), "a/Dockerfile runs its service as root");
        assertReported(ComposeChecks.imagesRunAsNonRoot("b/Dockerfile", userOnlyInTheBuildStage), "b/Dockerfile runs its service as root");
        assertEquals(List.of(), ComposeChecks.imagesRunAsNonRoot("c/Dockerfile", "FROM eclipse-temurin:17-jre\nUSER 10001:10001\n"));
    }

    @Test
    void aRequiredVariableMissingFromTheExampleAndAnExtraOneAreReported() {
        String composeYaml = """
                services:
                  redis:
                    command: ["redis-server", "--requirepass", "${REDIS_PASSWORD:?set it}"]
                    healthcheck: { test: ["CMD-SHELL", "wget http://localhost:$${SERVER_PORT}/"] }
                  app:
                    environment: { TOKEN: "${APP_TOKEN}", LEVEL: "${LOG_LEVEL:-INFO}", KEY: "${APP_KEY?set it}" }
                """;
        String envExample = """
                # the app's token
                APP_TOKEN=
                export APP_KEY=
                OLD_PASSWORD=
                """;

        List<String> problems = ComposeChecks.exampleEnvironmentListsExactlyTheRequiredVariables(composeYaml, envExample);

        assertReported(problems, "docker-compose.yml requires REDIS_PASSWORD but .env.example does not list it");
        assertReported(problems, ".env.example lists OLD_PASSWORD, which docker-compose.yml does not require");
        assertEquals(2, problems.size(), () -> String.join("\n", problems));
    }

    private static void assertReported(List<String> problems, String expected) {
        assertTrue(problems.stream().anyMatch(p -> p.startsWith(expected)),
                () -> "expected a problem starting with \"" + expected + "\", got:\n  " + String.join("\n  ", problems));
    }
}
