package com.eshop.order.infrastructure.job;

import com.xxl.job.core.biz.ExecutorBiz;
import com.xxl.job.core.biz.impl.ExecutorBizImpl;
import com.xxl.job.core.biz.model.IdleBeatParam;
import com.xxl.job.core.biz.model.KillParam;
import com.xxl.job.core.biz.model.LogParam;
import com.xxl.job.core.biz.model.LogResult;
import com.xxl.job.core.biz.model.ReturnT;
import com.xxl.job.core.biz.model.TriggerParam;
import com.xxl.job.core.glue.GlueTypeEnum;

/**
 * xxl-job's executor, except that a trigger runs only one of the service's own BEAN handlers: a GLUE job (Groovy or a
 * shell, Python, PHP, Node.js or PowerShell script sent with the trigger) is refused before anything is compiled,
 * written or started.
 */
final class BeanOnlyExecutorBiz implements ExecutorBiz {
    private final ExecutorBiz delegate = new ExecutorBizImpl();

    @Override
    public ReturnT<String> beat() {
        return delegate.beat();
    }

    @Override
    public ReturnT<String> idleBeat(IdleBeatParam param) {
        return delegate.idleBeat(param);
    }

    @Override
    public ReturnT<String> run(TriggerParam param) {
        if (GlueTypeEnum.match(param.getGlueType()) != GlueTypeEnum.BEAN) {
            return new ReturnT<>(ReturnT.FAIL_CODE, "glueType[" + param.getGlueType()
                    + "] refused: this executor runs only its own BEAN job handlers");
        }
        return delegate.run(param);
    }

    @Override
    public ReturnT<String> kill(KillParam param) {
        return delegate.kill(param);
    }

    @Override
    public ReturnT<LogResult> log(LogParam param) {
        return delegate.log(param);
    }
}
