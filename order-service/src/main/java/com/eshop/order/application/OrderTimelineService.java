package com.eshop.order.application;

import com.eshop.common.api.enums.AfterSaleStatusEnum;
import com.eshop.common.api.enums.OrderStatusEnum;
import com.eshop.common.api.ops.OrderTimelineDTO;
import com.eshop.common.api.ops.TimelineEntry;
import com.eshop.common.api.ops.TimelineServices;
import com.eshop.order.domain.AfterSale;
import com.eshop.order.domain.AfterSaleRepository;
import com.eshop.order.domain.AfterSaleStatusChange;
import com.eshop.order.domain.Order;
import com.eshop.order.domain.OrderHistoryRepository;
import com.eshop.order.domain.OrderOperateTypeEnum;
import com.eshop.order.domain.OrderRepository;
import com.eshop.order.domain.OrderStatusChange;
import com.eshop.support.error.Checks;
import jakarta.annotation.PreDestroy;
import lombok.extern.slf4j.Slf4j;
import org.springframework.stereotype.Service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The operator's view of one order's chain: the order's own logs, each other service's steps (asked in parallel)
 * and the order's messages on the broker, merged oldest first. A source that fails or does not answer within
 * {@code eshop.order.timeline.source-timeout} becomes one UNAVAILABLE entry; the rest of the timeline still shows.
 */
@Slf4j
@Service
public class OrderTimelineService {
    private final OrderRepository orderRepository;
    private final AfterSaleRepository afterSaleRepository;
    private final OrderHistoryRepository historyRepository;
    private final List<TimelineSource> sources;
    private final OrderMessageGateway messageGateway;
    private final OrderProperties.Timeline properties;
    private final ExecutorService executor;

    public OrderTimelineService(OrderRepository orderRepository, AfterSaleRepository afterSaleRepository,
                                OrderHistoryRepository historyRepository, List<TimelineSource> sources,
                                OrderMessageGateway messageGateway, OrderProperties orderProperties) {
        this.orderRepository = orderRepository;
        this.afterSaleRepository = afterSaleRepository;
        this.historyRepository = historyRepository;
        this.sources = List.copyOf(sources);
        this.messageGateway = messageGateway;
        this.properties = orderProperties.getTimeline();
        this.executor = Executors.newFixedThreadPool(properties.getThreads(), daemonThreads());
    }

    public OrderTimelineDTO getOrderTimeline(String orderId) {
        Checks.id(orderId, "orderId");
        Order order = orderRepository.findOrder(orderId).orElseThrow(() -> OrderQueryService.notFound(orderId));
        List<String> afterSaleIds = afterSaleRepository.listByOrder(orderId).stream().map(AfterSale::afterSaleId).toList();
        Instant messagesSince = order.createdTime().minus(properties.getMessageLookbackSlack());

        Map<String, CompletableFuture<List<TimelineEntry>>> remote = new LinkedHashMap<>();
        sources.forEach(source -> remote.put(source.service(), ask(() -> source.orderTimeline(orderId))));
        remote.put(TimelineServices.BROKER, ask(() -> messageEntries(
                messageGateway.findMessages(keys(orderId, afterSaleIds), messagesSince, properties.getMaxMessagesPerTopic()))));

        List<TimelineEntry> entries = new ArrayList<>(ownEntries(orderId));
        Instant askedAt = Instant.now();
        remote.forEach((service, answer) -> entries.addAll(await(service, answer, askedAt)));
        entries.sort(Comparator.comparing(TimelineEntry::getTime, Comparator.nullsLast(Comparator.naturalOrder())));

        OrderTimelineDTO timeline = new OrderTimelineDTO();
        timeline.setOrderId(orderId);
        timeline.setUserId(order.userId());
        timeline.setOrderStatus(order.status().getCode());
        timeline.setCreatedTime(Date.from(order.createdTime()));
        timeline.setEntries(entries);
        return timeline;
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }

    private CompletableFuture<List<TimelineEntry>> ask(Supplier<List<TimelineEntry>> source) {
        return CompletableFuture.supplyAsync(source, executor)
                .orTimeout(properties.getSourceTimeout().toMillis(), TimeUnit.MILLISECONDS);
    }

    private static List<TimelineEntry> await(String service, CompletableFuture<List<TimelineEntry>> answer, Instant askedAt) {
        try {
            return answer.join();
        } catch (RuntimeException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            log.warn("order timeline: {} unavailable: {}", service, cause.toString());
            return List.of(TimelineEntry.of(Date.from(askedAt), service, TimelineServices.UNAVAILABLE,
                    service + " did not answer: its steps are missing from this timeline").with("cause", cause.toString()));
        }
    }

    /** Most messages are keyed by the order id; ACTUAL_REFUND by the after-sale id. */
    private static List<String> keys(String orderId, List<String> afterSaleIds) {
        return Stream.concat(Stream.of(orderId), afterSaleIds.stream()).toList();
    }

    private List<TimelineEntry> ownEntries(String orderId) {
        List<TimelineEntry> entries = new ArrayList<>();
        for (OrderStatusChange change : historyRepository.findStatusChanges(orderId)) {
            String operation = OrderOperateTypeEnum.of(change.operateType())
                    .map(type -> type.getMsg().replaceFirst(":\\s*$", "")).orElse("operation " + change.operateType());
            String transition = change.preStatus() == change.currentStatus() ? statusName(change.currentStatus())
                    : statusName(change.preStatus()) + " -> " + statusName(change.currentStatus());
            entries.add(TimelineEntry.of(Date.from(change.at()), TimelineServices.ORDER, "ORDER_" + statusName(change.currentStatus()),
                            (change.remark() == null ? operation : change.remark()) + " (" + transition + ")")
                    .with("operateType", change.operateType())
                    .with("status", statusName(change.currentStatus())));
        }
        for (AfterSaleStatusChange change : historyRepository.findAfterSaleChanges(orderId)) {
            String status = afterSaleStatusName(change.currentStatus());
            entries.add(TimelineEntry.of(Date.from(change.at()), TimelineServices.ORDER, "AFTER_SALE_" + status,
                            "after-sale " + change.afterSaleId() + " " + afterSaleStatusName(change.preStatus()) + " -> " + status
                                    + (change.remark() == null ? "" : ": " + change.remark()))
                    .with("afterSaleId", change.afterSaleId()));
        }
        return entries;
    }

    private static List<TimelineEntry> messageEntries(List<OrderMessage> messages) {
        return messages.stream().map(message -> {
            String name = message.topic().replaceFirst("_topic$", "").toUpperCase();
            String where = message.deadLettered()
                    ? "dead-lettered for " + message.consumerGroup() + " after " + message.reconsumeTimes() + " retries"
                    : "stored on " + message.topic();
            return TimelineEntry.of(Date.from(message.storedAt()), TimelineServices.BROKER,
                            message.deadLettered() ? "MESSAGE_DEAD_LETTERED" : "MESSAGE_STORED",
                            name + " message " + where
                                    + (message.consumption().isEmpty() ? "" : "; " + String.join(", ", message.consumption())))
                    .with("topic", message.topic())
                    .with("key", message.key())
                    .with("messageId", message.messageId())
                    .with("reconsumeTimes", message.reconsumeTimes());
        }).toList();
    }

    private static String statusName(int code) {
        return Arrays.stream(OrderStatusEnum.values()).filter(s -> s.getCode() == code).findFirst()
                .map(Enum::name).orElse(String.valueOf(code));
    }

    private static String afterSaleStatusName(int code) {
        return Arrays.stream(AfterSaleStatusEnum.values()).filter(s -> s.getCode() == code)
                .findFirst().map(Enum::name).orElse(String.valueOf(code));
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "order-timeline-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
