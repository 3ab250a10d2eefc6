package com.eshop.support.dubbo;

import com.eshop.common.api.PublicApi;
import com.eshop.support.auth.InternalApiAuthenticator;
import org.apache.dubbo.common.constants.CommonConstants;
import org.apache.dubbo.common.extension.Activate;
import org.apache.dubbo.rpc.Filter;
import org.apache.dubbo.rpc.Invocation;
import org.apache.dubbo.rpc.Invoker;
import org.apache.dubbo.rpc.Result;
import org.apache.dubbo.rpc.RpcContext;
import org.apache.dubbo.rpc.RpcException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;

/**
 * Every provider call of an API not marked {@link PublicApi} (default-deny: Dubbo's own services included) must be
 * signed with the suite's internal-API secret; anything else is refused before any other filter or business code
 * runs: dubbo protocol callers get an RpcException, triple (HTTP) callers HTTP 403, both with the reason. Runs on
 * both protocols of the port, right after {@link ProviderObservationFilter}, so refused calls are timed too.
 */
@Activate(group = CommonConstants.PROVIDER, order = -29000)
public class InternalApiAuthFilter implements Filter {
    private static final Logger log = LoggerFactory.getLogger(InternalApiAuthFilter.class);

    private InternalApiAuthenticator authenticator;

    /** Injected by Dubbo from the Spring bean of that name once the context runs Dubbo. */
    public void setInternalApiAuthenticator(InternalApiAuthenticator internalApiAuthenticator) {
        this.authenticator = internalApiAuthenticator;
    }

    @Override
    public Result invoke(Invoker<?> invoker, Invocation invocation) throws RpcException {
        Class<?> api = invoker.getInterface();
        if (api.isAnnotationPresent(PublicApi.class)) {
            return invoker.invoke(invocation);
        }
        String method = invocation.getMethodName();
        String refusal = authenticator == null ? "this provider has no internal-API secret"
                : authenticator.refusal(api.getName(), method, name -> attachment(invocation, name));
        if (refusal != null) {
            log.warn("refused a call of the internal API {}#{} from {}: {}", api.getName(), method,
                    RpcContext.getServiceContext().getRemoteAddressString(), refusal);
            throw new RpcException(RpcException.FORBIDDEN_EXCEPTION,
                    api.getName() + "#" + method + " is an internal API, refused: " + refusal);
        }
        return invoker.invoke(invocation);
    }

    /** Over HTTP/1 (triple) a header arrives with the case the client wrote it in; the names mean the same in any case. */
    private static String attachment(Invocation invocation, String name) {
        Object value = invocation.getObjectAttachment(name);
        if (value == null) {
            for (Map.Entry<String, Object> entry : invocation.getObjectAttachments().entrySet()) {
                if (entry.getKey().equalsIgnoreCase(name)) {
                    value = entry.getValue();
                    break;
                }
            }
        }
        return value instanceof String s ? s : null;
    }
}
