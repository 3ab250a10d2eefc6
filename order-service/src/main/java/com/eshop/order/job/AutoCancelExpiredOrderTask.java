package com.eshop.order.job;

import com.eshop.order.application.ExpiredOrderScanner;
import com.xxl.job.core.context.XxlJobHelper;
import com.xxl.job.core.handler.annotation.XxlJob;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

/**
 * Safety net for lost pay-timeout messages (section 4), run by XXL-JOB as a sharding-broadcast job: each
 * executor cancels the expired unpaid orders of its shard.
 */
@Component
@RequiredArgsConstructor
public class AutoCancelExpiredOrderTask {
    public static final String HANDLER = "autoCancelExpiredOrderTask";

    private final ExpiredOrderScanner expiredOrderScanner;

    @XxlJob(HANDLER)
    public void execute() {
        int shardIndex = XxlJobHelper.getShardIndex();
        int shardTotal = Math.max(1, XxlJobHelper.getShardTotal());
        ExpiredOrderScanner.ScanResult result = expiredOrderScanner.scan(shardIndex, shardTotal, XxlJobHelper::log);
        XxlJobHelper.handleSuccess(result.toString());
    }
}
