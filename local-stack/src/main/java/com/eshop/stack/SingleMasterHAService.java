package com.eshop.stack;

import org.apache.rocketmq.store.ha.DefaultHAService;

/**
 * The HA service of the local stack's broker, the only master and without slaves: RocketMQ's own, less the HA port it
 * would open for slaves. RocketMQ 5.3.3 binds that port on the wildcard address, with no setting for an address;
 * the broker loads its HA service through {@code ServiceProvider} from
 * {@code META-INF/service/org.apache.rocketmq.store.ha.HAService}, which names this class.
 */
public class SingleMasterHAService extends DefaultHAService {

    @Override
    public void start() {
        groupTransferService.start();
        haConnectionStateNotificationService.start();
    }
}
