package com.eshop.systemtest.cancel;

import com.eshop.common.api.FaultPoints;
import com.eshop.common.api.enums.OrderStatusEnum;
import com.eshop.common.api.order.CreateOrderDTO;
import com.eshop.stack.ServiceSpec;
import com.eshop.systemtest.support.Faults;
import com.eshop.systemtest.support.MapperSql;
import com.eshop.systemtest.support.Outcomes;
import com.eshop.systemtest.support.Scenario;
import com.eshop.systemtest.support.Suite;
import com.eshop.systemtest.support.TestData;
import com.eshop.systemtest.support.XxlJobTrigger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;

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
        // enough orders that each of the two shards owns at least two
        Faults.with(ServiceSpec.ORDER, FaultPoints.ORDER_DROP_PAY_TIMEOUT_MESSAGE, 1.0, () -> {
            while (expired.size() < 16 && (expired.size() < 6 || countShard(expired, 0) < 2 || countShard(expired, 1) < 2)) {
                TestData.UserCoupon user = TestData.nextUserWithCoupon();
                users.add(user);
                expired.add(scenario.createOrder(user.userId(), user.couponId(), items("SKU-1011", 1)));
            }
        });
        assertThat(countShard(expired, 0)).as("orders of shard 0").isGreaterThanOrEqualTo(2);
        assertThat(countShard(expired, 1)).as("orders of shard 1").isGreaterThanOrEqualTo(2);
        TimeoutCancelIT.sleepUntil(expired.get(expired.size() - 1).getExpireTime().getTime() + 200);

        // the mapper's own query, as order-service runs it, for the first page
        String scanSql = MapperSql.of(Suite.stack().config().repoDir().resolve(
                        "order-service/src/main/java/com/eshop/order/infrastructure/persistence/OrderInfoMapper.java"),
                "selectExpiredUnpaidPage", Map.of("created", String.valueOf(OrderStatusEnum.CREATED.getCode()), "now", "NOW(3)",
                        "afterExpire", "'1970-01-02'", "afterOrderId", "''", "shardIndex", "0", "shardTotal", "2", "pageSize", "200"));
        Map<String, Object> plan = scenario.db().row("order_db", "EXPLAIN " + scanSql);
        assertThat(plan.get("key")).as(scanSql).isEqualTo("idx_status_expire");
        assertThat(Long.parseLong(String.valueOf(plan.get("rows")))).as("rows examined by the scan").isLessThan(1000);

        assertThat(XxlJobTrigger.run(Suite.stack(), 0, 2)).isTrue();
        for (CreateOrderDTO order : expired) {
            int expected = shardOf(order.getOrderId()) == 0 ? OrderStatusEnum.CANCELED.getCode() : OrderStatusEnum.CREATED.getCode();
            assertThat(scenario.orderStatus(order.getOrderId())).as("after shard 0/2: order %s of shard %d", order.getOrderId(),
                    shardOf(order.getOrderId())).isEqualTo(expected);
        }
        assertThat(XxlJobTrigger.run(Suite.stack(), 1, 2)).isTrue();

        for (int i = 0; i < expired.size(); i++) {
            Outcomes.assertFullyCancelled(scenario, expired.get(i).getOrderId(), users.get(i).couponId(), 1, 0);
        }
        assertThat(scenario.db().count("order_db", "SELECT COUNT(*) FROM order_info WHERE order_id LIKE 'SYN-%' AND order_status = 10"))
                .as("orders not yet due are left alone").isEqualTo(NOT_YET_DUE);
    }

    /** The shard the scan assigns an order to: MOD(CRC32(order_id), 2), as in the mapper's query. */
    private static int shardOf(String orderId) {
        CRC32 crc = new CRC32();
        crc.update(orderId.getBytes(StandardCharsets.UTF_8));
        return (int) (crc.getValue() % 2);
    }

    private static long countShard(List<CreateOrderDTO> orders, int shard) {
        return orders.stream().filter(o -> shardOf(o.getOrderId()) == shard).count();
    }
}
