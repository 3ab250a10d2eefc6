package com.eshop.stack;

import org.apache.rocketmq.broker.BrokerController;
import org.apache.rocketmq.broker.BrokerPathConfigHelper;
import org.apache.rocketmq.common.BrokerConfig;
import org.apache.rocketmq.common.MQVersion;
import org.apache.rocketmq.common.MixAll;
import org.apache.rocketmq.common.TopicConfig;
import org.apache.rocketmq.common.constant.PermName;
import org.apache.rocketmq.common.namesrv.NamesrvConfig;
import org.apache.rocketmq.namesrv.NamesrvController;
import org.apache.rocketmq.remoting.netty.NettyClientConfig;
import org.apache.rocketmq.remoting.netty.NettyServerConfig;
import org.apache.rocketmq.remoting.protocol.RemotingCommand;
import org.apache.rocketmq.remoting.protocol.route.BrokerData;
import org.apache.rocketmq.store.config.MessageStoreConfig;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * RocketMQ 5.3.3 name server and one master broker in this JVM, configured per docs/local-stack-notes.md: every path that
 * defaults to {@code ~} moved under the data dir, small mapped files, everything on 127.0.0.1, no HA port
 * ({@link SingleMasterHAService}).
 */
final class RocketMqRunner {

    static final String CLUSTER = "DefaultCluster";
    static final String BROKER_NAME = "broker-a";

    private final Path dir;
    private final LocalStackConfig config;
    private final Consumer<String> log;
    private volatile NamesrvController namesrv;
    private volatile BrokerController broker;

    RocketMqRunner(Path dir, LocalStackConfig config, Consumer<String> log) {
        this.dir = dir;
        this.config = config;
        this.log = log;
    }

    static String nameServerAddress() {
        return StackPorts.HOST + ":" + StackPorts.ROCKETMQ_NAMESRV;
    }

    static String brokerAddress() {
        return StackPorts.HOST + ":" + StackPorts.ROCKETMQ_BROKER;
    }

    /**
     * NamesrvStartup/BrokerStartup set this first thing in main(); in-process nobody does (only a RocketMQ client
     * would, in MQClientAPIImpl's static init). Without it every request goes out as version 0 and the namesrv
     * reads the broker registration with the pre-3.0.11 format: the broker registers, its topics never do
     * (no route for any topic, not even TBW102).
     */
    static void ensureRemotingVersion() {
        if (System.getProperty(RemotingCommand.REMOTING_VERSION_KEY) == null) {
            System.setProperty(RemotingCommand.REMOTING_VERSION_KEY, Integer.toString(MQVersion.CURRENT_VERSION));
        }
    }

    synchronized void startNamesrv() throws Exception {
        ensureRemotingVersion();
        Files.createDirectories(dir.resolve("namesrv"));
        Files.createDirectories(dir.resolve("home"));
        NamesrvConfig nc = new NamesrvConfig();
        nc.setRocketmqHome(dir.resolve("home").toString());
        nc.setKvConfigPath(dir.resolve("namesrv/kvConfig.json").toString());
        nc.setConfigStorePath(dir.resolve("namesrv/namesrv.properties").toString());
        NettyServerConfig server = new NettyServerConfig();
        server.setBindAddress(StackPorts.HOST);
        server.setListenPort(StackPorts.ROCKETMQ_NAMESRV);
        NettyClientConfig client = new NettyClientConfig();
        // without it the namesrv connects to itself over the NIC address every few seconds
        client.setScanAvailableNameSrv(false);
        NamesrvController c = new NamesrvController(nc, server, client);
        if (!c.initialize()) {
            c.shutdown();
            throw new IllegalStateException("RocketMQ namesrv failed to initialize");
        }
        c.start();
        namesrv = c;
    }

    synchronized void startBroker() throws Exception {
        ensureRemotingVersion();
        Path store = dir.resolve("store");
        Files.createDirectories(store);
        Files.createDirectories(dir.resolve("broker"));
        BrokerPathConfigHelper.setBrokerConfigPath(dir.resolve("broker/broker.properties").toString());

        BrokerConfig bc = new BrokerConfig();
        bc.setBrokerClusterName(CLUSTER);
        bc.setBrokerName(BROKER_NAME);
        bc.setBrokerId(MixAll.MASTER_ID);
        bc.setNamesrvAddr(nameServerAddress());
        bc.setBrokerIP1(StackPorts.HOST);
        bc.setBrokerIP2(StackPorts.HOST);
        bc.setListenPort(StackPorts.ROCKETMQ_BROKER);
        bc.setRocketmqHome(dir.resolve("home").toString());
        bc.setAutoCreateTopicEnable(true);
        bc.setAutoCreateSubscriptionGroup(true);
        bc.setDefaultTopicQueueNums(config.topicQueueNums());
        bc.setTransactionCheckInterval(config.transactionCheckInterval());
        bc.setTransactionTimeOut(config.transactionTimeOut());
        bc.setTransactionOpBatchInterval(config.transactionOpBatchInterval());
        bc.setTransactionCheckMax(config.transactionCheckMax());

        NettyServerConfig server = new NettyServerConfig();
        server.setBindAddress(StackPorts.HOST);
        server.setListenPort(StackPorts.ROCKETMQ_BROKER);
        // NOT scanAvailableNameSrv=false here: the broker registers only with namesrvs its scan found available
        NettyClientConfig client = new NettyClientConfig();

        MessageStoreConfig ms = new MessageStoreConfig();
        ms.setStorePathRootDir(store.toString());
        ms.setStorePathCommitLog(store.resolve("commitlog").toString());
        ms.setStorePathEpochFile(store.resolve("epochFileCheckpoint").toString());
        ms.setStorePathBrokerIdentity(store.resolve("brokerIdentity").toString());
        ms.setMappedFileSizeCommitLog(16 * 1024 * 1024);
        ms.setMappedFileSizeConsumeQueue(30_000 * 20);
        ms.setMappedFileSizeTimerLog(8 * 1024 * 1024);
        ms.setMaxHashSlotNum(50_000);
        ms.setMaxIndexNum(200_000);
        ms.setTimerPrecisionMs(config.timerPrecisionMs());
        // a developer disk that is 90 % full must not make the broker refuse writes
        ms.setDiskMaxUsedSpaceRatio(95);
        ms.setDiskSpaceWarningLevelRatio(98);
        ms.setDiskSpaceCleanForciblyRatio(97);

        BrokerController b = new BrokerController(bc, server, client, ms);
        if (!b.initialize()) {
            b.shutdown();
            throw new IllegalStateException("RocketMQ broker failed to initialize (store " + store + ")");
        }
        b.start();
        broker = b;
        awaitRegistered(30_000);
    }

    /** The broker may take up to 10 s to register on its own: push the registration until the namesrv has it. */
    private void awaitRegistered(long timeoutMs) throws InterruptedException, TimeoutException {
        long deadline = System.currentTimeMillis() + timeoutMs;
        while (!isRegistered()) {
            if (System.currentTimeMillis() > deadline) {
                throw new TimeoutException("broker not registered with the namesrv after " + timeoutMs + " ms");
            }
            try {
                broker.registerBrokerAll(true, false, true);
            } catch (RuntimeException e) {
                log.accept("broker registration retry: " + e.getMessage());
            }
            if (!isRegistered()) {
                Thread.sleep(200);
            }
        }
    }

    private boolean isRegistered() {
        NamesrvController n = namesrv;
        if (n == null) {
            return false;
        }
        BrokerData data = n.getRouteInfoManager().getAllClusterInfo().getBrokerAddrTable().get(BROKER_NAME);
        return data != null && brokerAddress().equals(data.getBrokerAddrs().get(MixAll.MASTER_ID));
    }

    /** Creates (or updates) the topics with {@code queues} read/write queues and waits until the namesrv routes them. */
    void createTopics(Collection<String> topics, int queues) throws InterruptedException, TimeoutException {
        BrokerController b = broker;
        for (String topic : topics) {
            TopicConfig existing = b.getTopicConfigManager().selectTopicConfig(topic);
            if (existing == null || existing.getReadQueueNums() != queues || existing.getWriteQueueNums() != queues) {
                b.getTopicConfigManager().updateTopicConfig(
                        new TopicConfig(topic, queues, queues, PermName.PERM_READ | PermName.PERM_WRITE));
            }
        }
        long deadline = System.currentTimeMillis() + 30_000;
        b.registerBrokerAll(true, false, true);
        for (String topic : topics) {
            while (namesrv.getRouteInfoManager().pickupTopicRouteData(topic) == null) {
                if (System.currentTimeMillis() > deadline) {
                    throw new TimeoutException("topic " + topic + " has no route on the namesrv");
                }
                Thread.sleep(100);
                b.registerBrokerAll(true, false, true);
            }
        }
    }

    List<String> topics() {
        return broker == null ? List.of() : List.copyOf(broker.getTopicConfigManager().getTopicConfigTable().keySet());
    }

    /**
     * For the JVM shutdown hook: write offsets, topics and subscription groups and flush the commit log, so that
     * abandoning the broker (the JVM halts right after) loses nothing - like the kill -9 the store is proven to
     * survive, only with fresher offsets. A graceful shutdown takes 15-20 s of sequential thread joins.
     */
    void persistForExit() {
        BrokerController b = broker;
        if (b == null) {
            return;
        }
        try {
            b.getConsumerOffsetManager().persist();
            b.getTopicConfigManager().persist();
            b.getSubscriptionGroupManager().persist();
            b.getConsumerOrderInfoManager().persist();
            b.getConsumerFilterManager().persist();
            b.getMessageStore().flush();
        } catch (RuntimeException e) {
            log.accept("broker persist before exit failed: " + e);
        }
    }

    /** Graceful broker shutdown, bounded by {@code timeoutMs} (it takes 15-20 s). */
    synchronized void stopBroker(long timeoutMs) {
        BrokerController b = broker;
        broker = null;
        if (b != null) {
            runBounded("broker shutdown", b::shutdown, timeoutMs);
        }
    }

    synchronized void stopNamesrv() {
        NamesrvController n = namesrv;
        namesrv = null;
        if (n != null) {
            runBounded("namesrv shutdown", n::shutdown, 10_000);
        }
    }

    boolean isBrokerRunning() {
        return broker != null;
    }

    boolean isNamesrvRunning() {
        return namesrv != null;
    }

    BrokerController broker() {
        return broker;
    }

    NamesrvController namesrv() {
        return namesrv;
    }

    private void runBounded(String what, Runnable task, long timeoutMs) {
        Bounded.run(what, task, timeoutMs, log);
    }
}
