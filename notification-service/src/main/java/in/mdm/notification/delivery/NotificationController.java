package in.mdm.notification.delivery;

import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import in.mdm.platform.security.Caller;
import in.mdm.platform.web.PageResponse;

@RestController
@RequestMapping("/api/v1/notifications")
class NotificationController {

    private final Notifications notifications;

    NotificationController(Notifications notifications) {
        this.notifications = notifications;
    }

    /**
     * The caller's in-app notifications, newest first; {@code unread=true} for the unread
     * ones.
     */
    @GetMapping
    PageResponse<NotificationItem> inbox(@RequestParam(defaultValue = "false") boolean unread,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size, Caller caller) {
        return notifications.inbox(caller, unread, page, size);
    }

    @GetMapping("/{id}")
    NotificationDetail get(@PathVariable UUID id, Caller caller) {
        return notifications.detail(caller, id);
    }

    @PostMapping("/{id}/read")
    NotificationDetail read(@PathVariable UUID id, Caller caller) {
        return notifications.markRead(caller, id);
    }

    @PostMapping("/{id}/resend")
    @PreAuthorize("hasRole('ADMIN')")
    NotificationDetail resend(@PathVariable UUID id, Caller caller) {
        return notifications.resend(caller, id);
    }

    @PostMapping("/broadcast")
    @PreAuthorize("hasRole('ADMIN')")
    @ResponseStatus(HttpStatus.ACCEPTED)
    BroadcastResponse broadcast(@Valid @RequestBody BroadcastRequest request, Caller caller) {
        return notifications.broadcast(caller, request);
    }

}
