package com.eshop.support.dubbo;

import com.eshop.common.api.InternalApiSignature;
import com.eshop.common.api.PublicApi;
import com.eshop.support.auth.InternalApiAuthenticator;
import org.apache.dubbo.rpc.AppResponse;
import org.apache.dubbo.rpc.Invoker;
import org.apache.dubbo.rpc.RpcException;
import org.apache.dubbo.rpc.RpcInvocation;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

class InternalApiFiltersTest {
    interface Refunds {
        String executeRefund(String refundRequestId);
    }

    @PublicApi
    interface Orders {
        String getOrderDetail(String orderId);
    }

    private static final String SECRET = "0123456789abcdef0123456789abcdef";

    private final InternalApiAuthFilter provider = new InternalApiAuthFilter();
    private final InternalApiSigningFilter consumer = new InternalApiSigningFilter();

    InternalApiFiltersTest() {
        InternalApiAuthenticator authenticator = new InternalApiAuthenticator(SECRET, Duration.ofSeconds(60), Clock.systemUTC());
        provider.setInternalApiAuthenticator(authenticator);
        consumer.setInternalApiAuthenticator(authenticator);
    }

    @Test
    void aCallTheConsumerFilterSignedReachesTheInternalApi() {
        RpcInvocation invocation = invocation(Refunds.class, "executeRefund");
        consumer.invoke(invoker(Refunds.class), invocation);
        Invoker<?> service = invoker(Refunds.class);

        assertThat(provider.invoke(service, invocation).getValue()).isEqualTo("ok");
        verify(service).invoke(invocation);
    }

    @Test
    void anUnsignedCallOfAnInternalApiIsRefusedBeforeTheServiceRuns() {
        Invoker<?> service = invoker(Refunds.class);

        assertThatThrownBy(() -> provider.invoke(service, invocation(Refunds.class, "executeRefund")))
                .isInstanceOfSatisfying(RpcException.class, e -> assertThat(e.getCode()).isEqualTo(RpcException.FORBIDDEN_EXCEPTION))
                .hasMessageContaining(Refunds.class.getName() + "#executeRefund is an internal API")
                .hasMessageContaining("not signed");
        verify(service, never()).invoke(any());
    }

    @Test
    void aPublicApiNeedsNoSignature() {
        assertThat(provider.invoke(invoker(Orders.class), invocation(Orders.class, "getOrderDetail")).getValue()).isEqualTo("ok");
    }

    @Test
    void withoutASecretTheProviderRefusesEveryInternalCall() {
        InternalApiAuthFilter unconfigured = new InternalApiAuthFilter();
        RpcInvocation invocation = invocation(Refunds.class, "executeRefund");
        consumer.invoke(invoker(Refunds.class), invocation);

        assertThatThrownBy(() -> unconfigured.invoke(invoker(Refunds.class), invocation)).hasMessageContaining("no internal-API secret");
    }

    @Test
    void headerNamesAreMatchedInAnyCaseAsHttpOneClientsWriteThem() {
        RpcInvocation invocation = invocation(Refunds.class, "executeRefund");
        long now = Clock.systemUTC().instant().getEpochSecond();
        Map<String, String> signed = InternalApiSignature.attachments(SECRET, now, Refunds.class.getName(), "executeRefund");
        signed.forEach((name, value) -> invocation.setAttachment(name.toUpperCase(), value));

        assertThat(provider.invoke(invoker(Refunds.class), invocation).getValue()).isEqualTo("ok");
    }

    private static RpcInvocation invocation(Class<?> api, String method) {
        return new RpcInvocation(method, api.getName(), null, new Class<?>[]{String.class}, new Object[]{"R1"});
    }

    @SuppressWarnings("unchecked")
    private static <T> Invoker<T> invoker(Class<T> api) {
        Invoker<T> invoker = mock(Invoker.class);
        doReturn(api).when(invoker).getInterface();
        when(invoker.invoke(any())).thenReturn(new AppResponse("ok"));
        return invoker;
    }
}
