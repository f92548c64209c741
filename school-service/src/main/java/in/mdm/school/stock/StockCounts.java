package in.mdm.school.stock;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import in.mdm.events.DomainEvent;
import in.mdm.events.school.StockCounted;
import in.mdm.platform.events.EventBatches;
import in.mdm.school.stock.MealConsumptionRepository.Site;
import in.mdm.school.stock.StockCountRepository.Count;

/**
 * StockCounted for every site and commodity whose balance a transaction changed, once
 * each however often it changed: the posting paths ({@link StockService#post},
 * {@link KitchenStockService#post}, {@link MealConsumption#consume}) say which balance
 * changed, and just before the transaction commits the balances as they stand then are
 * read in one statement for schools and one for kitchens (with the site's place and
 * supplier) and go to the outbox in batches ({@link EventBatches}), in that transaction:
 * a rolled-back change publishes nothing. Days of stock are the balance over the daily
 * need the posting path computed (as for StockLow).
 * <p>
 * The pending changes belong to the transaction's own synchronization, not to a resource
 * bound to the thread, so that a transaction run inside another ({@code REQUIRES_NEW})
 * publishes its own changes at its own commit.
 */
@Component
public class StockCounts {

    private final StockCountRepository repository;

    private final EventBatches events;

    private final Clock clock;

    StockCounts(StockCountRepository repository, EventBatches events, Clock clock) {
        this.repository = repository;
        this.events = events;
        this.clock = clock;
    }

    /**
     * A site's balance of a commodity changed in the current transaction.
     * @param dailyNeedKg the site's usual consumption a day, {@code null} when unknown
     * @throws IllegalStateException outside a transaction
     */
    void changed(Site site, Commodity commodity, BigDecimal dailyNeedKg) {
        pending().put(new Key(site, commodity), dailyNeedKg);
    }

    private Map<Key, BigDecimal> pending() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()
                || !TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("stock changes are counted inside the transaction that makes them");
        }
        for (TransactionSynchronization synchronization : TransactionSynchronizationManager.getSynchronizations()) {
            if (synchronization instanceof PublishBeforeCommit publish && publish.owner() == this) {
                return publish.changed();
            }
        }
        PublishBeforeCommit publish = new PublishBeforeCommit(this, new LinkedHashMap<>());
        TransactionSynchronizationManager.registerSynchronization(publish);
        return publish.changed();
    }

    /** The events of the changed balances as they stand now, in the outbox. */
    private void publish(Map<Key, BigDecimal> changed) {
        if (changed.isEmpty()) {
            return;
        }
        List<String> schools = new ArrayList<>();
        List<String> schoolCommodities = new ArrayList<>();
        List<UUID> kitchens = new ArrayList<>();
        List<String> kitchenCommodities = new ArrayList<>();
        for (Key key : changed.keySet()) {
            if (key.site().isKitchen()) {
                kitchens.add(key.site().kitchenId());
                kitchenCommodities.add(key.commodity().name());
            }
            else {
                schools.add(key.site().udiseCode());
                schoolCommodities.add(key.commodity().name());
            }
        }
        List<Count> counts = new ArrayList<>(changed.size());
        counts.addAll(repository.schools(schools, schoolCommodities));
        counts.addAll(repository.kitchens(kitchens, kitchenCommodities));
        Instant now = clock.instant();
        List<DomainEvent> counted = new ArrayList<>(counts.size());
        for (Count count : counts) {
            counted.add(event(count, changed.get(new Key(count.site(), count.commodity())), now));
        }
        events.publish(counted);
    }

    /** The event of a balance, its days of stock at the daily need given. */
    static StockCounted event(Count count, BigDecimal dailyNeedKg, Instant now) {
        return new StockCounted(DomainEvent.newId(), now, count.site().udiseCode(), count.site().kitchenId(),
                count.districtCode(), count.blockCode(), count.commodity().name(), count.quantityKg(),
                StockService.days(count.quantityKg(), dailyNeedKg), count.status().name(), count.supplierCode());
    }

    private record Key(Site site, Commodity commodity) {
    }

    /**
     * The changes of one transaction, published just before it commits (a class, not a
     * record: the transaction keeps it in a hash set while its map grows).
     */
    private static final class PublishBeforeCommit implements TransactionSynchronization {

        private final StockCounts owner;

        private final Map<Key, BigDecimal> changed;

        PublishBeforeCommit(StockCounts owner, Map<Key, BigDecimal> changed) {
            this.owner = owner;
            this.changed = changed;
        }

        StockCounts owner() {
            return owner;
        }

        Map<Key, BigDecimal> changed() {
            return changed;
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            owner.publish(changed);
        }

    }

}
