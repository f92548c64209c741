package in.mdm.auth.user;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

import in.mdm.platform.web.ApiException;

/**
 * The first ADMIN: created at start from {@code MDM_ADMIN_USERNAME} /
 * {@code MDM_ADMIN_PASSWORD} when no ADMIN exists. No password is ever invented here:
 * without one, a warning says how to give one.
 */
@Component
class AdminBootstrap {

    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

    private final AccountService accounts;

    private final AccountProperties.Admin admin;

    AdminBootstrap(AccountService accounts, AccountProperties properties) {
        this.accounts = accounts;
        this.admin = properties.admin();
    }

    @EventListener(ApplicationReadyEvent.class)
    void createFirstAdmin() {
        if (!accounts.noAdmin()) {
            return;
        }
        if (admin.password() == null || admin.password().isBlank()) {
            log.warn("No ADMIN user exists and none is configured: set MDM_ADMIN_USERNAME and MDM_ADMIN_PASSWORD "
                    + "(12+ characters mixing upper case, lower case and digits) and restart auth-service to create one");
            return;
        }
        try {
            accounts.createAdmin(admin.username(), admin.email(), admin.password(), admin.stateCode());
            log.info("Created the first ADMIN user '{}' from the configuration", admin.username());
        }
        catch (DuplicateKeyException anotherReplicaWasFaster) {
            log.info("The first ADMIN user was created by another replica");
        }
        catch (ApiException refused) {
            log.error("The configured ADMIN password is refused ({}): no ADMIN user created",
                    refused.getBody().getProperties() == null ? refused.code()
                            : refused.getBody().getProperties().get("errors"));
        }
        catch (org.springframework.dao.DataIntegrityViolationException bad) {
            log.error("The configured ADMIN user cannot be created (username or e-mail not acceptable): {}",
                    bad.getMostSpecificCause().getMessage());
        }
    }

}
