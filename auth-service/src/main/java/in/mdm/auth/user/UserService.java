package in.mdm.auth.user;

import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import in.mdm.platform.web.ApiException;

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

    @Transactional(readOnly = true)
    List<User> page(UserFilter filter, int page, int size) {
        return users.page(filter, page, size);
    }

    @Transactional(readOnly = true)
    long count(UserFilter filter) {
        return users.count(filter);
    }
}
