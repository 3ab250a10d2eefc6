package com.eshop.systemtest.cancel;

import com.eshop.common.api.FaultPoints;
import com.eshop.common.api.enums.OrderStatusEnum;
import com.eshop.common.api.order.CreateOrderDTO;
import com.eshop.stack.ServiceSpec;
import com.eshop.systemtest.support.Faults;
import com.eshop.systemtest.support.Outcomes;
import com.eshop.systemtest.support.Scenario;
import com.eshop.systemtest.support.Suite;
import com.eshop.systemtest.support.TestData;
import com.eshop.systemtest.support.XxlJobTrigger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static com.eshop.systemtest.support.Scenario.items;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Section 4 (defect 5): the scan reads only expired unpaid orders through an index, in pages, sharded across
 * executors, and cancels them right after their expire time.
 */
class ExpiredOrderScanIT {
    private static final int NOT_YET_DUE = 20_000;
    private final Scenario scenario = Suite.scenario();

    @AfterEach
    void removeSyntheticOrders() {
        scenario.db().update("order_db", "DELETE FROM order_info WHERE order_id LIKE 'SYN-%'");
    }

    @Test
    void theScanReadsOnlyTheExpiredRangeOfTheIndexAndEachShardCancelsItsOwnOrders() {
        // many unpaid orders that are not due yet: the scan must not read them
        String digit = "(SELECT 0 d UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4 UNION ALL SELECT 5 "
                + "UNION ALL SELECT 6 UNION ALL SELECT 7 UNION ALL SELECT 8 UNION ALL SELECT 9)";
        scenario.db().update("order_db", "INSERT INTO order_info (order_id, user_id, order_status, total_amount, pay_amount, expire_time) "
                + "SELECT CONCAT('SYN-', n), 'U-SYN', 10, 100, 100, NOW(3) + INTERVAL 1 DAY FROM (SELECT a.d + 10 * b.d + 100 * c.d "
                + "+ 1000 * e.d + 10000 * f.d AS n FROM " + digit + " a, " + digit + " b, " + digit + " c, " + digit + " e, " + digit + " f) seq "
                + "WHERE n < " + NOT_YET_DUE);
        scenario.db().rows("order_db", "ANALYZE TABLE order_info");
        List<CreateOrderDTO> expired = new ArrayList<>();
        List<TestData.UserCoupon> users = new ArrayList<>();
        Faults.with(ServiceSpec.ORDER, FaultPoints.ORDER_DROP_PAY_TIMEOUT_MESSAGE, 1.0, () -> {
            for (int i = 0; i < 6; i++) {
                TestData.UserCoupon user = TestData.nextUserWithCoupon();
                users.add(user);
                expired.add(scenario.createOrder(user.userId(), user.couponId(), items("SKU-1011", 1)));
            }
        });
        TimeoutCancelIT.sleepUntil(expired.get(expired.size() - 1).getExpireTime().getTime() + 200);

        Map<String, Object> plan = scenario.db().row("order_db", "EXPLAIN SELECT order_id, expire_time FROM order_info "
                + "WHERE order_status = 10 AND expire_time <= NOW(3) AND (expire_time > '1970-01-02' OR (expire_time = '1970-01-02' AND order_id > '')) "
                + "ORDER BY expire_time, order_id LIMIT 200");
        assertThat(plan.get("key")).isEqualTo("idx_status_expire");
        assertThat(Long.parseLong(String.valueOf(plan.get("rows")))).as("rows examined by the scan").isLessThan(1000);

        assertThat(XxlJobTrigger.run(Suite.stack(), 0, 2)).isTrue();
        long cancelledByShard0 = expired.stream().filter(o -> scenario.orderStatus(o.getOrderId()) == OrderStatusEnum.CANCELED.getCode()).count();
        assertThat(XxlJobTrigger.run(Suite.stack(), 1, 2)).isTrue();

        for (int i = 0; i < expired.size(); i++) {
            Outcomes.assertFullyCancelled(scenario, expired.get(i).getOrderId(), users.get(i).couponId(), 1, 0);
        }
        System.out.printf("sharded scan: shard 0 cancelled %d of %d, shard 1 the rest%n", cancelledByShard0, expired.size());
        assertThat(scenario.db().count("order_db", "SELECT COUNT(*) FROM order_info WHERE order_id LIKE 'SYN-%' AND order_status = 10"))
                .as("orders not yet due are left alone").isEqualTo(NOT_YET_DUE);
    }
}
