package com.eshop.support.mq;

import lombok.extern.slf4j.Slf4j;
import org.apache.rocketmq.client.impl.factory.MQClientInstance;
import org.apache.rocketmq.client.producer.TransactionMQProducer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;

/**
 * Makes a (re)started service answer check-backs at once. A producer only heartbeats to the brokers it has
 * routes for, and learns routes by sending; after a restart without traffic the broker keeps asking nobody
 * ("channel table is empty") until transactionCheckMax discards the half messages of the crashed instance.
 * So at start-up the producer fetches the routes of its transactional topics and heartbeats right away.
 */
@Slf4j
public class TransactionCheckReadiness implements ApplicationListener<ApplicationReadyEvent> {
    private final TransactionMQProducer producer;
    private final ObjectProvider<TransactionCheckBack> checkBacks;

    public TransactionCheckReadiness(TransactionMQProducer producer, ObjectProvider<TransactionCheckBack> checkBacks) {
        this.producer = producer;
        this.checkBacks = checkBacks;
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        MQClientInstance client = producer.getDefaultMQProducerImpl().getMqClientFactory();
        checkBacks.orderedStream().map(TransactionCheckBack::topic).distinct().forEach(topic -> {
            if (!client.updateTopicRouteInfoFromNameServer(topic)) {
                log.warn("no route for transactional topic {} yet; check-backs reach this instance after its first send", topic);
            }
        });
        client.sendHeartbeatToAllBrokerWithLock();
        log.info("producer group {} announced to the brokers for check-backs", producer.getProducerGroup());
    }
}
