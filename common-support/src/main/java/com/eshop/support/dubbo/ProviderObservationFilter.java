package com.eshop.support.dubbo;

import com.eshop.support.logging.OrderMdc;
import com.eshop.support.metrics.EshopMetrics;
import org.apache.dubbo.common.constants.CommonConstants;
import org.apache.dubbo.common.extension.Activate;
import org.apache.dubbo.rpc.BaseFilter;
import org.apache.dubbo.rpc.Filter;
import org.apache.dubbo.rpc.Invocation;
import org.apache.dubbo.rpc.Invoker;
import org.apache.dubbo.rpc.Result;
import org.apache.dubbo.rpc.RpcException;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;

/**
 * Every provider call of every service: its log lines carry the order id in the MDC ({@link OrderMdc}), and it is
 * timed by service, method and outcome ({@link EshopMetrics#DUBBO_PROVIDER_CALLS}). The order id is the first
 * argument's {@code getOrderId()}, or the first argument itself when that parameter is named {@code orderId}.
 * Runs before the other provider filters, so calls {@link InternalApiAuthFilter} refuses are timed too.
 */
@Activate(group = CommonConstants.PROVIDER, order = -30000)
public class ProviderObservationFilter implements Filter, BaseFilter.Listener {
    private static final String START_NANOS = "eshop.provider.start-nanos";
    private static final ConcurrentMap<Class<?>, Optional<Method>> ORDER_ID_GETTERS = new ConcurrentHashMap<>();
    private static final ConcurrentMap<String, Boolean> ORDER_ID_PARAMETERS = new ConcurrentHashMap<>();

    private EshopMetrics metrics;

    /** Injected by Dubbo from the Spring bean of that name once the context runs Dubbo. */
    public void setEshopMetrics(EshopMetrics eshopMetrics) {
        this.metrics = eshopMetrics;
    }

    @Override
    public Result invoke(Invoker<?> invoker, Invocation invocation) throws RpcException {
        invocation.put(START_NANOS, System.nanoTime());
        try (OrderMdc.Scope ignored = OrderMdc.put(orderIdOf(invoker.getInterface(), invocation))) {
            return invoker.invoke(invocation);
        }
    }

    @Override
    public void onResponse(Result result, Invoker<?> invoker, Invocation invocation) {
        record(invoker, invocation, result.hasException());
    }

    @Override
    public void onError(Throwable t, Invoker<?> invoker, Invocation invocation) {
        record(invoker, invocation, true);
    }

    private void record(Invoker<?> invoker, Invocation invocation, boolean failed) {
        // null only in a JVM whose Dubbo runs without the suite's Spring context
        if (metrics != null && invocation.get(START_NANOS) instanceof Long start) {
            metrics.dubboProviderCall(invoker.getInterface().getSimpleName(), invocation.getMethodName(), failed)
                    .record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        }
    }

    static String orderIdOf(Class<?> service, Invocation invocation) {
        Object[] arguments = invocation.getArguments();
        if (arguments == null || arguments.length == 0 || arguments[0] == null) {
            return null;
        }
        Object first = arguments[0];
        if (first instanceof String id) {
            return firstParameterIsOrderId(service, invocation) ? id : null;
        }
        return ORDER_ID_GETTERS.computeIfAbsent(first.getClass(), ProviderObservationFilter::orderIdGetter)
                .map(getter -> {
                    try {
                        return (String) getter.invoke(first);
                    } catch (ReflectiveOperationException e) {
                        return null;
                    }
                })
                .orElse(null);
    }

    private static Optional<Method> orderIdGetter(Class<?> type) {
        try {
            Method getter = type.getMethod("getOrderId");
            return getter.getReturnType() == String.class ? Optional.of(getter) : Optional.empty();
        } catch (NoSuchMethodException e) {
            return Optional.empty();
        }
    }

    /** Needs the parameter names in the class files (the build compiles with -parameters). */
    private static boolean firstParameterIsOrderId(Class<?> service, Invocation invocation) {
        Class<?>[] types = invocation.getParameterTypes();
        String key = service.getName() + '#' + invocation.getMethodName() + Arrays.toString(types);
        return ORDER_ID_PARAMETERS.computeIfAbsent(key, ignored -> {
            try {
                return OrderMdc.ORDER_ID.equals(service.getMethod(invocation.getMethodName(), types).getParameters()[0].getName());
            } catch (NoSuchMethodException | RuntimeException e) {
                return false;
            }
        });
    }
}
