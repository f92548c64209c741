package in.mdm.auth.user;

import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import in.mdm.platform.web.ApiException;
import in.mdm.platform.web.PageResponse;

@Service
public class UserService {

    private final UserRepository users;

    UserService(UserRepository users) {
        this.users = users;
    }

    @Transactional(readOnly = true)
    User get(UUID id) {
        return users.find(id).orElseThrow(() -> ApiException.notFound("auth.user.not-found", "No user with id " + id));
    }

    /** A page and the total, in one read-only transaction. */
    @Transactional(readOnly = true)
    PageResponse<User> page(UserFilter filter, int page, int size) {
        return users.page(filter, page, size);
    }
}
