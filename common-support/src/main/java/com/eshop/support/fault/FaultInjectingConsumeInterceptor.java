package com.eshop.support.fault;

import com.eshop.common.api.FaultPoints;
import com.eshop.support.mq.ConsumeInterceptor;
import com.eshop.support.mq.MessageHandler;
import org.apache.rocketmq.common.message.MessageExt;

/** Consume with injected failures and duplicate deliveries (only wired when faults are enabled). */
public class FaultInjectingConsumeInterceptor implements ConsumeInterceptor {
    private final FaultSwitches faultSwitches;

    public FaultInjectingConsumeInterceptor(FaultSwitches faultSwitches) {
        this.faultSwitches = faultSwitches;
    }

    @Override
    public void consume(MessageHandler handler, MessageExt message) throws Exception {
        if (faultSwitches.shouldInject(FaultPoints.MQ_CONSUME_FAILURE)) {
            throw new IllegalStateException("injected consume failure");
        }
        handler.handle(message);
        if (faultSwitches.shouldInject(FaultPoints.MQ_DUPLICATE_DELIVERY)) {
            handler.handle(message);
        }
    }
}
