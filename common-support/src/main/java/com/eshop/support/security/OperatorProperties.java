package com.eshop.support.security;

import lombok.Data;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The operator's credentials for the ops pages and the actuator endpoints. There is no default: a service without
 * them does not start (only the local stack supplies its own).
 */
@Data
@ConfigurationProperties("eshop.operator")
public class OperatorProperties {
    private static final Pattern BCRYPT = Pattern.compile("\\$2[aby]?\\$\\d\\d\\$[./A-Za-z0-9]{53}");

    /** The operator's user name (environment ESHOP_OPERATOR_USERNAME). */
    private String username;
    /**
     * The BCrypt hash of the operator's password (environment ESHOP_OPERATOR_PASSWORD_HASH), e.g. the output of
     * {@code htpasswd -nbBC 12 "" 'the password' | tr -d ':\n'}; the password itself is never configured.
     */
    private String passwordHash;
    /**
     * Paths (Ant patterns) open without the operator because their endpoint authenticates its caller itself, such as
     * pay-service's {@code /pay/notifications/**}, which verifies the payment gateway's signature. None by default.
     */
    private List<String> selfAuthenticatedPaths = new ArrayList<>();

    /** Throws with what to set when the credentials are missing or the hash is no BCrypt hash. */
    void requireCredentials() {
        String missing = (username == null || username.isBlank()) ? "eshop.operator.username (ESHOP_OPERATOR_USERNAME)"
                : (passwordHash == null || passwordHash.isBlank()) ? "eshop.operator.password-hash (ESHOP_OPERATOR_PASSWORD_HASH)"
                : null;
        if (missing != null) {
            throw new IllegalStateException("No operator credentials: set " + missing + ". The ops pages and every"
                    + " actuator endpoint but health and prometheus require the operator to sign in with"
                    + " eshop.operator.username and the password whose BCrypt hash is eshop.operator.password-hash"
                    + " (e.g. htpasswd -nbBC 12 \"\" 'the password' | tr -d ':\\n'); there is no default outside the"
                    + " local stack.");
        }
        if (!BCRYPT.matcher(passwordHash).matches()) {
            throw new IllegalStateException("eshop.operator.password-hash (ESHOP_OPERATOR_PASSWORD_HASH) is not a BCrypt"
                    + " hash ($2a$/$2b$/$2y$, cost, 53 characters of salt and hash): configure the hash of the operator's"
                    + " password, e.g. htpasswd -nbBC 12 \"\" 'the password' | tr -d ':\\n', never the password itself.");
        }
    }
}
