package com.eshop.order.infrastructure.job;

import com.xxl.job.core.biz.AdminBiz;
import com.xxl.job.core.biz.client.AdminBizClient;
import com.xxl.job.core.executor.XxlJobExecutor;
import com.xxl.job.core.handler.annotation.XxlJob;
import com.xxl.job.core.log.XxlJobFileAppender;
import com.xxl.job.core.thread.ExecutorRegistryThread;
import com.xxl.job.core.thread.JobLogFileCleanThread;
import com.xxl.job.core.thread.TriggerCallbackThread;
import com.xxl.job.core.util.IpUtil;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.ApplicationContext;
import org.springframework.core.MethodIntrospector;
import org.springframework.core.annotation.AnnotatedElementUtils;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The XXL-JOB executor of order-service: registers the {@link XxlJob} methods of the context's beans as its BEAN
 * handlers and serves them through a {@link JobExecutorServer} on the configured address, which runs nothing else.
 * Otherwise it starts and stops what xxl-job-core 2.4.2's {@code XxlJobSpringExecutor} does: the log directory and
 * its cleaner, the admin registration and the result callbacks.
 */
public class SuiteJobExecutor extends XxlJobExecutor implements SmartInitializingSingleton, DisposableBean {
    private final ApplicationContext context;
    private final XxlJobProperties properties;
    private JobExecutorServer server;

    public SuiteJobExecutor(ApplicationContext context, XxlJobProperties properties) {
        if (properties.getAccessToken() == null || properties.getAccessToken().isBlank()) {
            throw new IllegalStateException("xxl.job.access-token is empty: order-service's XXL-JOB executor does not"
                    + " start without an access token (set XXL_JOB_ACCESS_TOKEN to a secret of your own, the same as the"
                    + " XXL-JOB admin's xxl.job.accessToken)");
        }
        this.context = context;
        this.properties = properties;
    }

    @Override
    public void afterSingletonsInstantiated() {
        for (String name : context.getBeanNamesForType(Object.class, false, false)) {
            Object bean = context.getBean(name);
            Map<Method, XxlJob> handlers = MethodIntrospector.selectMethods(bean.getClass(),
                    (MethodIntrospector.MetadataLookup<XxlJob>) m -> AnnotatedElementUtils.findMergedAnnotation(m, XxlJob.class));
            handlers.forEach((method, annotation) -> registJobHandler(annotation, bean, method));
        }
        start();
    }

    @Override
    public void start() {
        XxlJobProperties.Executor executor = properties.getExecutor();
        XxlJobFileAppender.initLogPath(executor.getLogpath());
        setAdminClients(Arrays.stream(properties.getAdmin().getAddresses().split(","))
                .map(String::trim).filter(a -> !a.isEmpty())
                .map(a -> (AdminBiz) new AdminBizClient(a, properties.getAccessToken())).toList());
        JobLogFileCleanThread.getInstance().start(executor.getLogretentiondays());
        TriggerCallbackThread.getInstance().start();

        String ip = executor.getIp().isBlank() ? IpUtil.getIp() : executor.getIp();
        server = new JobExecutorServer(new InetSocketAddress(ip, executor.getPort()), new BeanOnlyExecutorBiz(),
                properties.getAccessToken());
        server.start();
        ExecutorRegistryThread.getInstance().start(executor.getAppname(),
                "http://" + IpUtil.getIpPort(ip, server.localAddress().getPort()) + "/");
    }

    /** The address the executor listens on. */
    public InetSocketAddress localAddress() {
        return server.localAddress();
    }

    @Override
    public void destroy() {
        if (server != null) {
            ExecutorRegistryThread.getInstance().toStop();
            server.stop();
        }
        super.destroy();
    }

    /**
     * XxlJobExecutor keeps the admin clients, which its registry and callback threads read, in a private static field
     * that only its own start() fills, and that start() also opens xxl-job's wildcard-bound server.
     */
    private static void setAdminClients(List<AdminBiz> clients) {
        try {
            Field field = XxlJobExecutor.class.getDeclaredField("adminBizList");
            field.setAccessible(true);
            field.set(null, clients.isEmpty() ? null : clients);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("xxl-job-core without XxlJobExecutor.adminBizList: not the 2.4.2 this executor is built on", e);
        }
    }
}
