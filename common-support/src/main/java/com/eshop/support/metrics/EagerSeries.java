package com.eshop.support.metrics;

import com.eshop.support.mq.MessageHandler;
import com.eshop.support.mq.TransactionCheckBack;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;

import java.util.List;
import java.util.function.Supplier;

/**
 * Registers at zero, once every bean exists, the series only a fault creates: each consumer's retries and dead
 * letters, each transactional topic's check-back answers, each lock's refusals ({@code eshop.lock.names}). An alert
 * rule on them (deploy/prometheus/alerts.yml) then compares 0, instead of finding no series at all.
 */
public class EagerSeries implements SmartInitializingSingleton {
    private final EshopMetrics metrics;
    private final ObjectProvider<MessageHandler> handlers;
    private final ObjectProvider<TransactionCheckBack> checkBacks;
    private final Supplier<List<String>> lockNames;

    public EagerSeries(EshopMetrics metrics, ObjectProvider<MessageHandler> handlers,
                       ObjectProvider<TransactionCheckBack> checkBacks, Supplier<List<String>> lockNames) {
        this.metrics = metrics;
        this.handlers = handlers;
        this.checkBacks = checkBacks;
        this.lockNames = lockNames;
    }

    @Override
    public void afterSingletonsInstantiated() {
        handlers.orderedStream().forEach(handler -> metrics.registerConsumer(handler.topic(), handler.consumerGroup()));
        checkBacks.orderedStream().map(TransactionCheckBack::topic).distinct().forEach(metrics::registerCheckBacks);
        lockNames.get().forEach(metrics::registerLock);
    }
}
