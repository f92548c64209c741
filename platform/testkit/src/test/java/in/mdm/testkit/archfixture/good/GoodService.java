package in.mdm.testkit.archfixture.good;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.scheduling.annotation.Scheduled;

/** Constructor injection, time from the clock, a locked job. */
class GoodService {

    record GoodResponse(String code, String name, LocalDate asOf) {
    }

    private final GoodRepository goods;

    private final Clock clock;

    GoodService(GoodRepository goods, Clock clock) {
        this.goods = goods;
        this.clock = clock;
    }

    List<GoodResponse> list() {
        LocalDate today = LocalDate.now(clock.withZone(ZoneId.of("Asia/Kolkata")));
        return goods.all().stream().map(g -> new GoodResponse(g.code(), g.name(), today)).toList();
    }

    @Scheduled(cron = "0 0 7 * * *")
    @SchedulerLock(name = "goods.nightly", lockAtMostFor = "PT10M")
    void nightly() {
        list();
    }

}
