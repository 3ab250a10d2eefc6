package com.eshop.support.security;

import jakarta.servlet.DispatcherType;
import org.springframework.boot.actuate.autoconfigure.security.servlet.EndpointRequest;
import org.springframework.boot.actuate.autoconfigure.security.servlet.ManagementWebSecurityAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.AntPathRequestMatcher;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

import java.util.List;
import java.util.Set;

/**
 * Who may use a service's HTTP port (README "Operator sign-in"). Every request needs the operator except the
 * health and Prometheus endpoints (probes and scrapers carry no credentials) and the paths a service names in
 * {@code eshop.operator.self-authenticated-paths} (pay-service: the payment gateway's notifications, authenticated by
 * the gateway's signature). Actuator endpoints take HTTP Basic on each request; the ops pages
 * and their JSON take a sign-in form (browsers) or HTTP Basic (scripts).
 */
@AutoConfiguration(before = {SecurityAutoConfiguration.class, ManagementWebSecurityAutoConfiguration.class,
        UserDetailsServiceAutoConfiguration.class})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(OperatorProperties.class)
public class OperatorSecurityAutoConfiguration {
    public static final String OPERATOR_ROLE = "OPERATOR";
    private static final String REALM = "eshop operator";

    @Bean
    public PasswordEncoder operatorPasswordEncoder() {
        return new BCryptPasswordEncoder();
    }

    @Bean
    public UserDetailsService operatorUserDetailsService(OperatorProperties properties) {
        properties.requireCredentials();
        return new InMemoryUserDetailsManager(User.withUsername(properties.getUsername())
                .password(properties.getPasswordHash()).roles(OPERATOR_ROLE).build());
    }

    @Bean
    @Order(1)
    public SecurityFilterChain selfAuthenticatedPathsFilterChain(HttpSecurity http, OperatorProperties properties) throws Exception {
        List<String> paths = properties.getSelfAuthenticatedPaths();
        RequestMatcher selfAuthenticated = paths.isEmpty() ? request -> false
                : new OrRequestMatcher(paths.stream().<RequestMatcher>map(AntPathRequestMatcher::antMatcher).toList());
        return http.securityMatcher(selfAuthenticated)
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .build();
    }

    @Bean
    @Order(2)
    public SecurityFilterChain actuatorFilterChain(HttpSecurity http) throws Exception {
        return http.securityMatcher(EndpointRequest.toAnyEndpoint())
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(EndpointRequest.to("health", "prometheus")).permitAll()
                        .anyRequest().hasRole(OPERATOR_ROLE))
                .httpBasic(basic -> basic.realmName(REALM))
                // no session and no form: every call carries its own credentials, so there is no cookie a forged
                // cross-site request could ride on, and a CSRF token would only break the scripts
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .build();
    }

    @Bean
    @Order(3)
    public SecurityFilterChain operatorFilterChain(HttpSecurity http) throws Exception {
        BasicAuthenticationEntryPoint basic = new BasicAuthenticationEntryPoint();
        basic.setRealmName(REALM);
        MediaTypeRequestMatcher browserPage = new MediaTypeRequestMatcher(MediaType.TEXT_HTML);
        browserPage.setIgnoredMediaTypes(Set.of(MediaType.ALL));
        return http
                .authorizeHttpRequests(requests -> requests
                        // the error page of a request already decided on (a 401 included), not a page of its own
                        .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        .anyRequest().hasRole(OPERATOR_ROLE))
                .formLogin(form -> form.permitAll())
                .httpBasic(b -> b.realmName(REALM))
                .exceptionHandling(exceptions -> exceptions
                        .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"), browserPage)
                        .defaultAuthenticationEntryPointFor(basic, AnyRequestMatcher.INSTANCE))
                .build();
    }
}
