package com.eshop.support.dubbo;

import com.eshop.support.auth.InternalApiAuthenticator;
import org.apache.dubbo.common.constants.CommonConstants;
import org.apache.dubbo.common.extension.Activate;
import org.apache.dubbo.rpc.Filter;
import org.apache.dubbo.rpc.Invocation;
import org.apache.dubbo.rpc.Invoker;
import org.apache.dubbo.rpc.Result;
import org.apache.dubbo.rpc.RpcException;

/**
 * Signs every call this service makes ({@link InternalApiAuthFilter} verifies it): per attempt, with the time it is
 * sent. The secret stays in this JVM; only the signature travels.
 */
@Activate(group = CommonConstants.CONSUMER)
public class InternalApiSigningFilter implements Filter {
    private InternalApiAuthenticator authenticator;

    /** Injected by Dubbo from the Spring bean of that name once the context runs Dubbo. */
    public void setInternalApiAuthenticator(InternalApiAuthenticator internalApiAuthenticator) {
        this.authenticator = internalApiAuthenticator;
    }

    @Override
    public Result invoke(Invoker<?> invoker, Invocation invocation) throws RpcException {
        // null only in a JVM whose Dubbo runs without the suite's Spring context: its calls go unsigned
        if (authenticator != null) {
            authenticator.sign(invoker.getInterface().getName(), invocation.getMethodName()).forEach(invocation::setAttachment);
        }
        return invoker.invoke(invocation);
    }
}
