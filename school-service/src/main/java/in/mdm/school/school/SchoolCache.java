package in.mdm.school.school;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Schools' master data as {@code GET /api/v1/schools/{udiseCode}} reads it: headmasters
 * and officers read the same schools all morning, and the register changes rarely.
 * Bounded ({@code mdm.school.cache.size}) and kept at most {@code mdm.school.cache.ttl};
 * a school is dropped as soon as a change to it commits in this replica
 * ({@link #evictAfterCommit}) and, in every replica, when its SchoolRegistered or
 * SchoolUpdated arrives (the import's upserts among them). A school not found is not
 * kept, so a new one is seen at once.
 */
@Component
public class SchoolCache {

    private final Cache<String, School> schools;

    SchoolCache(@Value("${mdm.school.cache.size:50000}") long size, @Value("${mdm.school.cache.ttl:5m}") Duration ttl) {
        this.schools = Caffeine.newBuilder().maximumSize(size).expireAfterWrite(ttl).build();
    }

    Optional<School> find(String udiseCode, Function<String, Optional<School>> load) {
        return Optional.ofNullable(schools.get(udiseCode, code -> load.apply(code).orElse(null)));
    }

    /**
     * Drops these schools once the current transaction commits (at once outside one), so
     * that no read of the old row taken before the commit outlives it.
     */
    public void evictAfterCommit(Collection<String> udiseCodes) {
        List<String> codes = List.copyOf(udiseCodes);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    schools.invalidateAll(codes);
                }
            });
        }
        else {
            schools.invalidateAll(codes);
        }
    }

    void evict(String udiseCode) {
        schools.invalidate(udiseCode);
    }

    /** Schools held now. */
    public long size() {
        schools.cleanUp();
        return schools.estimatedSize();
    }

}
