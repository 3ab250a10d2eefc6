package com.eshop.support.auth;

import lombok.Data;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/** The suite's internal-API authentication (README "Calling the APIs by hand"). */
@Data
@ConfigurationProperties("eshop.internal-api")
public class InternalApiProperties {
    /**
     * The secret every service signs its calls of internal APIs with and verifies them against (env
     * ESHOP_INTERNAL_API_SECRET), at least 32 characters, the same in every service. No default: a service does not
     * start without it; only the local stack supplies one (a random one per stack).
     */
    private String secret;
    /** How far a signed call's timestamp may be from the provider's clock, either way, before it is refused. */
    private Duration maxClockSkew = Duration.ofSeconds(60);
}
