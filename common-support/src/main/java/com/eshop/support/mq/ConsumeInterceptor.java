package com.eshop.support.mq;

import org.apache.rocketmq.common.message.MessageExt;

/** Wraps every consume call; the default just calls the handler. The fault profile replaces it. */
public interface ConsumeInterceptor {
    ConsumeInterceptor DIRECT = MessageHandler::handle;

    void consume(MessageHandler handler, MessageExt message) throws Exception;
}
