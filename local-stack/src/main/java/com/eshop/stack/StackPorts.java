package com.eshop.stack;

/**
 * Fixed loopback ports of the local stack. Every listener of the stack binds 127.0.0.1 and no other address (the broker
 * opens no HA port); docs/local-stack-notes.md "Network" says how for the servers that bind the wildcard by default, and
 * system-tests' ListenersIT checks it.
 */
public final class StackPorts {
    public static final String HOST = "127.0.0.1";

    public static final int MARIADB = 13306;
    public static final int REDIS = 16379;
    public static final int ZOOKEEPER = 12181;
    public static final int ROCKETMQ_NAMESRV = 19876;
    public static final int ROCKETMQ_BROKER = 20911;
    /** The broker's "VIP channel" always listens on listenPort - 2. */
    public static final int ROCKETMQ_BROKER_FAST = ROCKETMQ_BROKER - 2;
    public static final int SEATA_TC = 18091;
    public static final int SEATA_CONSOLE = 17091;
    /** The payment gateway simulator (PayGatewaySimulator) in the launcher. */
    public static final int PAY_GATEWAY = 18090;
    /** XXL-JOB executor embedded in order-service. */
    public static final int XXL_JOB_EXECUTOR = 19999;
    /** The executor of order-service's second instance in a scaled-out stack. */
    public static final int XXL_JOB_EXECUTOR_REPLICA = 19998;

    private StackPorts() {
    }
}
