// The parts of the Engine API's answers that swarmtui reads. Every field is optional:
// engines of different versions (and hostile ones) may leave any of them out.

export type Labels = Record<string, string>;

export type ApiVersionInfo = {
	Version?: string;
	ApiVersion?: string;
	MinAPIVersion?: string;
	Os?: string;
	Arch?: string;
};

export type ApiInfo = {
	Name?: string;
	ServerVersion?: string;
	Swarm?: {
		NodeID?: string;
		NodeAddr?: string;
		LocalNodeState?: string;
		ControlAvailable?: boolean;
		Error?: string;
		Nodes?: number;
		Managers?: number;
		Cluster?: {ID?: string};
	};
};

export type ApiNode = {
	ID: string;
	Version?: {Index?: number};
	CreatedAt?: string;
	UpdatedAt?: string;
	Spec?: {[key: string]: unknown; Name?: string; Labels?: Labels; Role?: string; Availability?: string};
	Description?: {
		Hostname?: string;
		Platform?: {Architecture?: string; OS?: string};
		Resources?: {NanoCPUs?: number; MemoryBytes?: number};
		Engine?: {EngineVersion?: string; Labels?: Labels};
	};
	Status?: {State?: string; Message?: string; Addr?: string};
	ManagerStatus?: {Leader?: boolean; Reachability?: string; Addr?: string};
};

export type ApiPort = {
	Name?: string;
	Protocol?: string;
	TargetPort?: number;
	PublishedPort?: number;
	PublishMode?: string;
};

export type ApiUpdateConfig = {
	Parallelism?: number;
	Delay?: number;
	FailureAction?: string;
	Monitor?: number;
	MaxFailureRatio?: number;
	Order?: string;
};

export type ApiServiceSpec = {
	[key: string]: unknown;
	Name?: string;
	Labels?: Labels;
	TaskTemplate?: {
		[key: string]: unknown;
		ContainerSpec?: {[key: string]: unknown; Image?: string; Labels?: Labels; TTY?: boolean; Env?: string[]};
		ForceUpdate?: number;
	};
	Mode?: {
		Replicated?: {Replicas?: number};
		Global?: Record<string, never>;
		ReplicatedJob?: {MaxConcurrent?: number; TotalCompletions?: number};
		GlobalJob?: Record<string, never>;
	};
	UpdateConfig?: ApiUpdateConfig;
	RollbackConfig?: ApiUpdateConfig;
	EndpointSpec?: {Mode?: string; Ports?: ApiPort[]};
};

export type ApiService = {
	ID: string;
	Version?: {Index?: number};
	CreatedAt?: string;
	UpdatedAt?: string;
	Spec?: ApiServiceSpec;
	PreviousSpec?: ApiServiceSpec;
	Endpoint?: {Ports?: ApiPort[]};
	UpdateStatus?: {State?: string; StartedAt?: string; CompletedAt?: string; Message?: string};
	ServiceStatus?: {RunningTasks?: number; DesiredTasks?: number; CompletedTasks?: number};
};

export type ApiTask = {
	ID: string;
	Version?: {Index?: number};
	CreatedAt?: string;
	UpdatedAt?: string;
	Name?: string;
	Labels?: Labels;
	Spec?: {ContainerSpec?: {Image?: string}};
	ServiceID?: string;
	Slot?: number;
	NodeID?: string;
	Status?: {
		Timestamp?: string;
		State?: string;
		Message?: string;
		Err?: string;
		ContainerStatus?: {ContainerID?: string; PID?: number; ExitCode?: number};
	};
	DesiredState?: string;
};

/** One message of the events stream (swarm scope: service and node). */
export type ApiEvent = {
	Type?: string;
	Action?: string;
	Actor?: {ID?: string; Attributes?: Record<string, string>};
	scope?: string;
	time?: number;
	timeNano?: number;
};

/** Which stream of a container a log line came from. */
export type LogStream = 'stdout' | 'stderr';

/** A node as a route to its own engine is chosen by: its ID, hostname and address. */
export type NodeRef = {id: string; hostname: string; addr?: string};
