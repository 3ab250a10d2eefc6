package com.eshop.order.job;

import com.eshop.order.application.CancelledOrderReconciler;
import com.xxl.job.core.context.XxlJobHelper;
import com.xxl.job.core.handler.annotation.XxlJob;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

/**
 * Safety net for messages lost after a cancel, run by XXL-JOB as a sharding-broadcast job like the timeout scan:
 * each executor reconciles the cancelled orders of its shard.
 */
@Component
@RequiredArgsConstructor
public class ReconcileCancelledOrdersTask {
    public static final String HANDLER = "reconcileCancelledOrdersTask";

    private final CancelledOrderReconciler reconciler;

    @XxlJob(HANDLER)
    public void execute() {
        int shardIndex = XxlJobHelper.getShardIndex();
        int shardTotal = Math.max(1, XxlJobHelper.getShardTotal());
        CancelledOrderReconciler.ReconcileResult result = reconciler.reconcile(shardIndex, shardTotal, XxlJobHelper::log);
        if (result.failed() > 0) {
            XxlJobHelper.handleFail(result.toString());
        } else {
            XxlJobHelper.handleSuccess(result.toString());
        }
    }
}
