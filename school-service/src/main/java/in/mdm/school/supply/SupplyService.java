package in.mdm.school.supply;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import in.mdm.events.DomainEvent;
import in.mdm.events.school.SchoolUpdated;
import in.mdm.platform.events.EventBatches;
import in.mdm.platform.security.Caller;
import in.mdm.platform.security.JurisdictionScope;
import in.mdm.platform.web.ApiException;
import in.mdm.platform.web.PageResponse;
import in.mdm.school.SchoolProblems;
import in.mdm.school.school.SchoolCache;

/** Centralised kitchens and suppliers. */
@Service
public class SupplyService {

    private final SupplyRepository repository;

    private final SchoolCache cache;

    private final EventBatches events;

    private final Clock clock;

    SupplyService(SupplyRepository repository, SchoolCache cache, EventBatches events, Clock clock) {
        this.repository = repository;
        this.cache = cache;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    KitchenResponse createKitchen(KitchenRequest request) {
        if (!repository.blockExists(request.districtCode(), request.blockCode())) {
            throw ApiException.badRequest(SchoolProblems.UNKNOWN_BLOCK,
                    "blockCode: no block " + request.blockCode() + " in district " + request.districtCode());
        }
        UUID id = UUID.randomUUID();
        repository.insertKitchen(id, request);
        cooksFor(id, request);
        return repository.kitchen(id).orElseThrow();
    }

    /** Replaces a kitchen's details (within the caller's jurisdiction). */
    @Transactional
    KitchenResponse updateKitchen(UUID id, KitchenRequest request, Caller caller) {
        kitchen(id, caller);
        if (!repository.blockExists(request.districtCode(), request.blockCode())) {
            throw ApiException.badRequest(SchoolProblems.UNKNOWN_BLOCK,
                    "blockCode: no block " + request.blockCode() + " in district " + request.districtCode());
        }
        repository.updateKitchen(id, request);
        cooksFor(id, request);
        return repository.kitchen(id).orElseThrow();
    }

    /** Replaces a supplier's details and the schools and kitchens it serves. */
    @Transactional
    SupplierResponse updateSupplier(UUID id, SupplierRequest request) {
        supplier(id);
        Served served = served(request);
        repository.updateSupplier(id, request);
        assign(id, served);
        return repository.supplier(id).orElseThrow();
    }

    @Transactional(readOnly = true)
    KitchenResponse kitchen(UUID id, Caller caller) {
        return repository.kitchen(id, scope(caller))
            .orElseThrow(() -> ApiException.notFound(SchoolProblems.KITCHEN_NOT_FOUND, "No kitchen " + id));
    }

    @Transactional(readOnly = true)
    PageResponse<KitchenResponse> kitchens(String district, String block, Caller caller, int page, int size) {
        return repository.kitchens(district, block, scope(caller), page, size);
    }

    @Transactional
    SupplierResponse createSupplier(SupplierRequest request) {
        Served served = served(request);
        UUID id = UUID.randomUUID();
        repository.insertSupplier(id, request);
        assign(id, served);
        return repository.supplier(id).orElseThrow();
    }

    @Transactional(readOnly = true)
    SupplierResponse supplier(UUID id) {
        return repository.supplier(id)
            .orElseThrow(() -> ApiException.notFound(SchoolProblems.SUPPLIER_NOT_FOUND, "No supplier " + id));
    }

    /** Whether a supplier exists (for deliveries). */
    @Transactional(readOnly = true)
    public boolean supplierExists(UUID id) {
        return repository.supplier(id).isPresent();
    }

    @Transactional(readOnly = true)
    PageResponse<SupplierResponse> suppliers(String district, SupplierKind kind, int page, int size) {
        return repository.suppliers(district, kind, page, size);
    }

    /**
     * The schools the kitchen cooks for, when the request names them: 400 when one is not
     * registered. Each school whose kitchen changed (now cooked for here, or no longer)
     * publishes SchoolUpdated, in outbox batches: up to 1,000 schools at once.
     */
    private void cooksFor(UUID kitchen, KitchenRequest request) {
        if (request.schools() == null) {
            return;
        }
        List<String> schools = request.schools().stream().distinct().toList();
        if (repository.countSchools(schools) != schools.size()) {
            throw ApiException.badRequest(SchoolProblems.KITCHEN_UNKNOWN_SCHOOL,
                    "schools: names a school that is not registered");
        }
        List<SupplyRepository.KitchenChanged> changed = repository.cooksFor(kitchen, schools);
        // their kitchenId changed (and that of the schools it no longer cooks for)
        cache.evictAfterCommit(
                Stream.concat(schools.stream(), changed.stream().map(SupplyRepository.KitchenChanged::udiseCode))
                    .distinct()
                    .toList());
        Instant now = clock.instant();
        events.publish(changed.stream()
            .map(s -> new SchoolUpdated(DomainEvent.newId(), now, s.udiseCode(), s.name(), s.districtCode(),
                    s.blockCode(), s.category(), s.management(), s.ruralUrban(), s.pmPoshanEligible(),
                    degrees(s.latitude()), degrees(s.longitude()), s.kitchenId()))
            .toList());
    }

    private static Double degrees(BigDecimal value) {
        return value == null ? null : value.doubleValue();
    }

    private static JurisdictionScope.Condition scope(Caller caller) {
        return JurisdictionScope.of(caller).where(SupplyRepository.KITCHEN);
    }

    /**
     * The schools and kitchens a supplier request names, each once; 400 when one is not
     * registered.
     */
    private record Served(List<String> schools, List<UUID> kitchens) {
    }

    private Served served(SupplierRequest request) {
        List<String> schools = request.servesSchools() == null ? List.of()
                : request.servesSchools().stream().distinct().toList();
        List<UUID> kitchens = request.servesKitchens() == null ? List.of()
                : request.servesKitchens().stream().distinct().toList();
        if (repository.countSchools(schools) != schools.size()) {
            throw ApiException.badRequest(SchoolProblems.SUPPLIER_UNKNOWN_SCHOOL,
                    "servesSchools: names a school that is not registered");
        }
        if (repository.countKitchens(kitchens) != kitchens.size()) {
            throw ApiException.badRequest(SchoolProblems.SUPPLIER_UNKNOWN_KITCHEN,
                    "servesKitchens: names an unknown kitchen");
        }
        return new Served(schools, kitchens);
    }

    private void assign(UUID id, Served served) {
        repository.assignSchools(id, served.schools());
        repository.assignKitchens(id, served.kitchens());
    }

}
