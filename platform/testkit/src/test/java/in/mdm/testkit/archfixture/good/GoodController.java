package in.mdm.testkit.archfixture.good;

import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Package-private, answering with response records (inside Spring's ResponseEntity too).
 */
@RestController
class GoodController {

    private final GoodService goods;

    GoodController(GoodService goods) {
        this.goods = goods;
    }

    @GetMapping("/goods")
    List<GoodService.GoodResponse> list() {
        return goods.list();
    }

    @GetMapping("/goods/first")
    ResponseEntity<GoodService.GoodResponse> first() {
        return ResponseEntity.ok(goods.list().getFirst());
    }

}
