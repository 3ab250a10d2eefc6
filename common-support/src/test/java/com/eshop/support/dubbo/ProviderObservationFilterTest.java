package com.eshop.support.dubbo;

import com.eshop.support.logging.OrderMdc;
import com.eshop.support.metrics.EshopMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.dubbo.rpc.AppResponse;
import org.apache.dubbo.rpc.Invoker;
import org.apache.dubbo.rpc.Result;
import org.apache.dubbo.rpc.RpcInvocation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

class ProviderObservationFilterTest {
    interface Orders {
        String cancel(CancelRequest request);

        String detail(String orderId);

        String byUser(String userId);
    }

    public record CancelRequest(String userId, String orderId) {
        public String getOrderId() {
            return orderId;
        }
    }

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final ProviderObservationFilter filter = new ProviderObservationFilter();
    private final List<String> orderIdsInMdc = new ArrayList<>();

    @AfterEach
    void clearMdc() {
        MDC.clear();
    }

    @Test
    void theOrderIdOfTheFirstArgumentIsInTheMdcDuringTheCallOnly() {
        call("cancel", CancelRequest.class, new CancelRequest("U1", "O1"));
        call("detail", String.class, "O2");
        call("byUser", String.class, "U1");

        assertThat(orderIdsInMdc).containsExactly("O1", "O2", null);
        assertThat(MDC.get(OrderMdc.ORDER_ID)).isNull();
    }

    @Test
    void anOuterOrderIdIsRestoredAfterTheCall() {
        MDC.put(OrderMdc.ORDER_ID, "OUTER");

        call("detail", String.class, "O2");

        assertThat(MDC.get(OrderMdc.ORDER_ID)).isEqualTo("OUTER");
    }

    @Test
    void everyCallIsTimedByServiceMethodAndOutcome() {
        filter.setEshopMetrics(new EshopMetrics(registry));

        call("detail", String.class, "O2");
        call("detail", String.class, "O3");

        assertThat(registry.timer(EshopMetrics.DUBBO_PROVIDER_CALLS, "service", "Orders", "method", "detail", "outcome", "success")
                .count()).isEqualTo(2);
    }

    private void call(String method, Class<?> parameterType, Object argument) {
        RpcInvocation invocation = new RpcInvocation(method, Orders.class.getName(), null, new Class<?>[]{parameterType},
                new Object[]{argument});
        @SuppressWarnings("unchecked")
        Invoker<Orders> invoker = mock(Invoker.class);
        doReturn(Orders.class).when(invoker).getInterface();
        Result result = new AppResponse("ok");
        when(invoker.invoke(any())).thenAnswer(ignored -> {
            orderIdsInMdc.add(MDC.get(OrderMdc.ORDER_ID));
            return result;
        });

        filter.onResponse(filter.invoke(invoker, invocation), invoker, invocation);
    }
}
