package com.eshop.support.health;

import com.eshop.support.security.OperatorSecurityAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.autoconfigure.availability.AvailabilityHealthContributorAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.availability.AvailabilityProbesAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.health.HealthContributorAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.health.HealthEndpointAutoConfiguration;
import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthEndpointGroup;
import org.springframework.boot.actuate.health.HealthEndpointGroups;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.availability.ApplicationAvailabilityAutoConfiguration;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import java.security.Principal;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/** The probe groups and the details' audience as the shared configuration (eshop-defaults.yml) sets them. */
class ProbeGroupsTest {
    private static final List<String> EXTERNAL_DEPENDENCIES = List.of("db", "registry", "broker", "seata");

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withInitializer(new ConfigDataApplicationContextInitializer())
            .withPropertyValues("spring.config.location=classpath:/eshop-defaults.yml")
            .withConfiguration(AutoConfigurations.of(ApplicationAvailabilityAutoConfiguration.class,
                    AvailabilityHealthContributorAutoConfiguration.class, AvailabilityProbesAutoConfiguration.class,
                    HealthContributorAutoConfiguration.class, HealthEndpointAutoConfiguration.class,
                    EshopHealthAutoConfiguration.class))
            // a service's DataSource contributes "db"; group membership is validated at start-up, so it must exist
            .withBean("dbHealthIndicator", HealthIndicator.class, () -> () -> Health.up().build());

    @Test
    void readinessWaitsForTheProvidersAndEveryServerLivenessForNone() {
        runner.run(context -> {
            HealthEndpointGroups groups = context.getBean(HealthEndpointGroups.class);
            HealthEndpointGroup readiness = groups.get("readiness");
            HealthEndpointGroup liveness = groups.get("liveness");

            assertThat(readiness.isMember("readinessState")).isTrue();
            assertThat(readiness.isMember("dubboServices")).isTrue();
            EXTERNAL_DEPENDENCIES.forEach(name -> {
                assertThat(readiness.isMember(name)).as("readiness includes %s", name).isTrue();
                assertThat(liveness.isMember(name)).as("liveness excludes %s", name).isFalse();
            });
            assertThat(liveness.isMember("livenessState")).isTrue();
            assertThat(liveness.isMember("dubboServices")).isFalse();
        });
    }

    @Test
    void theReachabilityChecksUseTheClientsAddressesAndAConfigurableTimeout() {
        runner.withPropertyValues("eshop.health.connect-timeout=250ms").run(context -> {
            DependencyHealthProperties properties = context.getBean(DependencyHealthProperties.class);

            assertThat(properties.getRegistry()).isEqualTo("zookeeper://127.0.0.1:12181");
            assertThat(properties.getBroker()).isEqualTo("127.0.0.1:19876");
            assertThat(properties.getSeata()).isEqualTo("127.0.0.1:18091");
            assertThat(properties.getConnectTimeout()).isEqualTo(Duration.ofMillis(250));
            assertThat(context).hasBean("registryHealthIndicator").hasBean("brokerHealthIndicator")
                    .hasBean("seataHealthIndicator").hasBean("dubboServicesHealthIndicator");
        });
    }

    @Test
    void onlyTheOperatorSeesDetailsOfTheWholeHealthAndOfEachProbe() {
        SecurityContext anonymous = SecurityContext.NONE;
        SecurityContext signedInWithoutTheRole = signedIn(role -> false);
        SecurityContext operator = signedIn(OperatorSecurityAutoConfiguration.OPERATOR_ROLE::equals);
        runner.run(context -> {
            HealthEndpointGroups groups = context.getBean(HealthEndpointGroups.class);
            for (HealthEndpointGroup group : List.of(groups.getPrimary(), groups.get("readiness"), groups.get("liveness"))) {
                assertThat(group.showDetails(anonymous)).isFalse();
                assertThat(group.showComponents(anonymous)).isFalse();
                assertThat(group.showDetails(signedInWithoutTheRole)).isFalse();
                assertThat(group.showDetails(operator)).isTrue();
            }
        });
    }

    private static SecurityContext signedIn(Predicate<String> hasRole) {
        Principal principal = () -> "someone";
        return new SecurityContext() {
            @Override
            public Principal getPrincipal() {
                return principal;
            }

            @Override
            public boolean isUserInRole(String role) {
                return hasRole.test(role);
            }
        };
    }
}
