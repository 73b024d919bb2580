package io.signet.sync.internal.schedule;

import java.time.Clock;
import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;

/** The scheduler's one recurring task: a tick that starts due syncs (db-scheduler picks one instance). */
@Configuration(proxyBeanMethods = false)
class SchedulerConfiguration {

    @Bean
    RecurringTask<Void> syncDispatchTick(SyncDispatcher dispatcher, Clock clock,
            @Value("${signet.sync.schedule-tick:PT1M}") Duration tick) {
        return Tasks.recurring("signet-sync-dispatch", FixedDelay.of(tick))
                .execute((instance, context) -> dispatcher.dispatch(clock.instant()));
    }
}
