package in.mdm.notification.recipient;

import jakarta.validation.Valid;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import in.mdm.platform.security.Caller;

/** The signed-in user's own notification preferences. */
@RestController
@RequestMapping("/api/v1/notifications/preferences")
class PreferencesController {

    private final Recipients recipients;

    PreferencesController(Recipients recipients) {
        this.recipients = recipients;
    }

    @GetMapping
    Preferences get(Caller caller) {
        return Preferences.of(recipients.me(caller));
    }

    @PutMapping
    Preferences save(@Valid @RequestBody Preferences preferences, Caller caller) {
        return Preferences.of(recipients.savePreferences(caller, preferences));
    }

}
