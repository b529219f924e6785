/*
 * Copyright 2026-present the original author or authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *      https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

package io.github.zmqspring.benchmarks;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * What the streaming benchmarks report: messages (or replies) that arrived during an
 * iteration, which JMH divides by the iteration's wall time. An invocation streams a
 * size-dependent number of messages and only returns once all of them arrived, so this is
 * "received / time from first send to last arrival" without one fixed
 * {@code @OperationsPerInvocation} for every size. Read from the secondary result
 * {@value #LABEL}.
 *
 * @author zmq-spring contributors
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.OPERATIONS)
public class Delivered {

	/** The name JMH gives the secondary result. */
	static final String LABEL = "received";

	/** Arrived in this iteration; public because JMH reads public fields. */
	public long received;

	/**
	 * JMH does not reset aux counters itself.
	 */
	@Setup(Level.Iteration)
	public void reset() {
		this.received = 0;
	}

	/**
	 * Count what one invocation delivered.
	 * @param count messages or replies that arrived
	 */
	public void add(long count) {
		this.received += count;
	}

}
