package com.eshop.support.security;

import jakarta.servlet.Filter;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.http.MediaType;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class OperatorSecurityAutoConfigurationTest {
    /** BCrypt (cost 4) of {@link #PASSWORD}. */
    private static final String HASH = "$2a$04$jFV2Kf/hMsrxYHexK4RXzesvNEpVgTWHn7ZfNHn8q81OXCpO043K2";
    private static final String PASSWORD = "local-stack-operator";

    private final WebApplicationContextRunner runner = new WebApplicationContextRunner().withConfiguration(
            AutoConfigurations.of(WebMvcAutoConfiguration.class, SecurityAutoConfiguration.class,
                    OperatorSecurityAutoConfiguration.class));

    @Test
    void withoutOperatorCredentialsTheServiceDoesNotStartAndSaysWhatToSet() {
        runner.run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                .hasMessageContaining("No operator credentials: set eshop.operator.username (ESHOP_OPERATOR_USERNAME)"));
        runner.withPropertyValues("eshop.operator.username=ops").run(context -> assertThat(context).hasFailed()
                .getFailure().rootCause().hasMessageContaining("set eshop.operator.password-hash (ESHOP_OPERATOR_PASSWORD_HASH)"));
    }

    @Test
    void aPlainPasswordInsteadOfItsHashIsRefused() {
        runner.withPropertyValues("eshop.operator.username=ops", "eshop.operator.password-hash=" + PASSWORD)
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("is not a BCrypt hash"));
    }

    @Test
    void theOperatorSignsInWithThePasswordOfTheConfiguredHash() {
        runner.withPropertyValues("eshop.operator.username=ops", "eshop.operator.password-hash=" + HASH).run(context -> {
            UserDetails operator = context.getBean(UserDetailsService.class).loadUserByUsername("ops");
            PasswordEncoder encoder = context.getBean(PasswordEncoder.class);
            assertThat(encoder.matches(PASSWORD, operator.getPassword())).isTrue();
            assertThat(encoder.matches("wrong", operator.getPassword())).isFalse();
            assertThat(operator.getAuthorities()).extracting(Object::toString).containsExactly("ROLE_OPERATOR");
        });
    }

    @Test
    void pagesNeedTheOperatorAndASelfAuthenticatedPathDoesNot() {
        runner.withPropertyValues("eshop.operator.username=ops", "eshop.operator.password-hash=" + HASH,
                "eshop.operator.self-authenticated-paths=/pay/notifications/**").run(context -> {
            MockMvc mvc = MockMvcBuilders.webAppContextSetup(context)
                    .addFilters(context.getBean("springSecurityFilterChain", Filter.class)).build();

            mvc.perform(get("/ops/orders/O1/timeline")).andExpect(status().isUnauthorized())
                    .andExpect(header().string("WWW-Authenticate", "Basic realm=\"eshop operator\""));
            mvc.perform(get("/ops/timeline.html").accept(MediaType.TEXT_HTML)).andExpect(status().isFound())
                    .andExpect(header().string("Location", endsWith("/login")));
            mvc.perform(get("/ops/orders/O1/timeline").with(basic("ops", "wrong"))).andExpect(status().isUnauthorized());
            mvc.perform(get("/ops/orders/O1/timeline").with(basic("ops", PASSWORD))).andExpect(status().isNotFound());
            mvc.perform(post("/pay/notifications/refund").contentType(MediaType.APPLICATION_JSON).content("{}"))
                    .andExpect(status().isNotFound());
        });
    }

    @Test
    void noPathIsOpenUnlessTheServiceNamesIt() {
        runner.withPropertyValues("eshop.operator.username=ops", "eshop.operator.password-hash=" + HASH).run(context -> {
            MockMvc mvc = MockMvcBuilders.webAppContextSetup(context)
                    .addFilters(context.getBean("springSecurityFilterChain", Filter.class)).build();

            // the operator's chain: a POST without the sign-in form's CSRF token is refused before anything runs
            mvc.perform(post("/pay/notifications/refund").contentType(MediaType.APPLICATION_JSON).content("{}"))
                    .andExpect(status().isForbidden());
            mvc.perform(get("/pay/notifications/refund")).andExpect(status().isUnauthorized());
        });
    }

    private static RequestPostProcessor basic(String username, String password) {
        return request -> {
            request.addHeader("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8)));
            return request;
        };
    }
}
