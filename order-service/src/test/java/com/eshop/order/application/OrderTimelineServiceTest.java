package com.eshop.order.application;

import com.eshop.common.api.ErrorCode;
import com.eshop.common.api.enums.OrderStatusEnum;
import com.eshop.common.api.ops.OrderTimelineDTO;
import com.eshop.common.api.ops.TimelineEntry;
import com.eshop.common.api.ops.TimelineServices;
import com.eshop.order.domain.AfterSaleStatusChange;
import com.eshop.order.domain.Order;
import com.eshop.order.domain.OrderHistoryRepository;
import com.eshop.order.domain.OrderOperateTypeEnum;
import com.eshop.order.domain.OrderStatusChange;
import com.eshop.support.error.BizException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OrderTimelineServiceTest {
    private final OrderFixture fixture = new OrderFixture();
    private final Instant t0 = Instant.parse("2026-01-01T10:00:00Z");
    private final List<Collection<String>> messageKeysAsked = new ArrayList<>();
    private OrderTimelineService service;

    private final OrderHistoryRepository history = new OrderHistoryRepository() {
        @Override
        public List<OrderStatusChange> findStatusChanges(String orderId) {
            return List.of(
                    new OrderStatusChange(OrderOperateTypeEnum.NEW_ORDER.getCode(), 10, 10, null, t0),
                    new OrderStatusChange(OrderOperateTypeEnum.MANUAL_CANCEL_ORDER.getCode(), 10, 70, null, t0.plusSeconds(5)));
        }

        @Override
        public List<AfterSaleStatusChange> findAfterSaleChanges(String orderId) {
            return List.of();
        }
    };

    @AfterEach
    void stop() {
        service.stop();
    }

    @Test
    void mergesTheOrdersLogsEachServicesStepsAndTheBrokersMessagesOldestFirst() {
        Order order = fixture.unpaidOrder("O1", Instant.now().plusSeconds(600), "CP1");
        service = service(List.of(
                source(TimelineServices.MARKET, entry(t0.plusMillis(1), TimelineServices.MARKET, "COUPON_LOCKED"),
                        entry(t0.plusSeconds(7), TimelineServices.MARKET, "COUPON_RELEASED")),
                source(TimelineServices.INVENTORY, entry(t0.plusMillis(2), TimelineServices.INVENTORY, "STOCK_LOCKED"))),
                (keys, since, max) -> {
                    messageKeysAsked.add(keys);
                    return List.of(new OrderMessage("release_assets_topic", "O1", "M1", t0.plusSeconds(6), 0, false,
                            "release_assets_consumer_group", List.of("release_assets_consumer_group: CONSUMED")));
                });

        OrderTimelineDTO timeline = service.getOrderTimeline(order.orderId());

        assertThat(timeline.getEntries()).extracting(TimelineEntry::getKind).containsExactly(
                "ORDER_CREATED", "COUPON_LOCKED", "STOCK_LOCKED", "ORDER_CANCELED", "MESSAGE_STORED", "COUPON_RELEASED");
        assertThat(timeline.getEntries().get(4).getDescription()).contains("RELEASE_ASSETS", "CONSUMED");
        assertThat(timeline.getEntries().get(3).getDescription()).contains("cancelled by the user", "CREATED -> CANCELED");
        assertThat(timeline.getOrderStatus()).isEqualTo(OrderStatusEnum.CREATED.getCode());
        assertThat(messageKeysAsked).containsExactly(List.of("O1"));
    }

    @Test
    void aServiceThatFailsOrDoesNotAnswerInTimeIsOneUnavailableEntryAndTheRestStillShows() {
        fixture.properties.getTimeline().setSourceTimeout(Duration.ofMillis(300));
        Order order = fixture.unpaidOrder("O2", Instant.now().plusSeconds(600), null);
        TimelineSource failing = new TimelineSource() {
            @Override
            public String service() {
                return TimelineServices.PAY;
            }

            @Override
            public List<TimelineEntry> orderTimeline(String orderId) {
                throw new IllegalStateException("No provider available");
            }
        };
        TimelineSource silent = new TimelineSource() {
            @Override
            public String service() {
                return TimelineServices.TMS;
            }

            @Override
            public List<TimelineEntry> orderTimeline(String orderId) {
                sleep(5_000);
                return List.of();
            }
        };
        service = service(List.of(failing, silent,
                source(TimelineServices.INVENTORY, entry(t0.plusMillis(2), TimelineServices.INVENTORY, "STOCK_LOCKED"))),
                (keys, since, max) -> {
                    throw new IllegalStateException("broker unreachable");
                });

        long started = System.nanoTime();
        OrderTimelineDTO timeline = service.getOrderTimeline(order.orderId());

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
        assertThat(timeline.getEntries()).filteredOn(e -> TimelineServices.UNAVAILABLE.equals(e.getKind()))
                .extracting(TimelineEntry::getService)
                .containsExactlyInAnyOrder(TimelineServices.PAY, TimelineServices.TMS, TimelineServices.BROKER);
        assertThat(timeline.getEntries()).extracting(TimelineEntry::getKind).contains("ORDER_CREATED", "STOCK_LOCKED");
    }

    @Test
    void anUnknownOrderIsOrderNotFoundAndAMalformedIdParamInvalid() {
        service = service(List.of(), (keys, since, max) -> List.of());

        assertRefused("NO-SUCH-ORDER", ErrorCode.ORDER_NOT_FOUND);
        assertRefused(null, ErrorCode.PARAM_INVALID);
        assertRefused("", ErrorCode.PARAM_INVALID);
        assertRefused("x".repeat(65), ErrorCode.PARAM_INVALID);
        assertRefused("O1' OR 1=1", ErrorCode.PARAM_INVALID);
    }

    private void assertRefused(String orderId, ErrorCode code) {
        assertThatThrownBy(() -> service.getOrderTimeline(orderId)).isInstanceOfSatisfying(BizException.class,
                e -> assertThat(e.getErrorCode()).isEqualTo(code));
    }

    private OrderTimelineService service(List<TimelineSource> sources, OrderMessageGateway broker) {
        return new OrderTimelineService(fixture.orders, fixture.afterSales, history, sources, broker, fixture.properties);
    }

    private static TimelineSource source(String service, TimelineEntry... entries) {
        return new TimelineSource() {
            @Override
            public String service() {
                return service;
            }

            @Override
            public List<TimelineEntry> orderTimeline(String orderId) {
                return List.of(entries);
            }
        };
    }

    private static TimelineEntry entry(Instant at, String service, String kind) {
        return TimelineEntry.of(Date.from(at), service, kind, kind.toLowerCase());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
